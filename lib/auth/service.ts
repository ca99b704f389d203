import "server-only";
import type { Kysely } from "kysely";
import { insertAuditEvent } from "@/lib/db/audit";
import { clearFailures, getFailures, releaseAttempt, reserveAttempt } from "@/lib/db/login-failures";
import type { Database, Role, UserRow, UserTokenPurpose } from "@/lib/db/schema";
import { deleteSession, deleteUserSessions, findSessionWithUser, insertSession, touchSession } from "@/lib/db/sessions";
import {
  consumeUserToken,
  countUsers,
  findUserByEmail,
  findUserToken,
  getUser,
  insertUser,
  insertUserIfAbsent,
  insertUserToken,
  normalizeEmail,
  revokeUserTokens,
  updateUser,
} from "@/lib/db/users";
import type { Role as FormRole, SessionUser } from "@/lib/forms/roles";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords";

/** The stored roles (lib/db) and the browser's (lib/forms) are one set: this fails to compile if they part. */
const _rolesAgree: [Role, FormRole] extends [FormRole, Role] ? true : never = true;
import { hashToken, newToken } from "./tokens";

/**
 * Accounts, sessions, sign-in throttling and one-time links, over the
 * database only (no Next.js), so each rule is testable with its own clock.
 */

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export interface ThrottlePolicy {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  lockMinutes: number;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

const toUser = (row: UserRow): SessionUser => ({ id: row.id, email: row.email, role: row.role });
const iso = (date: Date) => date.toISOString();
const addMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

export type SignInResult =
  | { ok: true; user: SessionUser; token: string; expiresAt: Date }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

function failureKeys(email: string, ip: string | null): { account: string; address: string | null } {
  return { account: `email:${normalizeEmail(email)}`, address: ip ? `ip:${ip}` : null };
}

/** Signs in with email and password. One message for unknown email, wrong password and disabled account. */
export async function signIn(
  db: Kysely<Database>,
  input: { email: string; password: string; client: ClientInfo },
  policy: SessionPolicy & ThrottlePolicy,
  now = new Date(),
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const keys = failureKeys(email, input.client.ip);
  const locks = await getFailures(db, [keys.account, ...(keys.address ? [keys.address] : [])]);
  const lockedUntil = locks
    .map((row) => (row.locked_until ? new Date(row.locked_until) : null))
    .filter((until): until is Date => until !== null && until > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (lockedUntil) {
    await insertAuditEvent(db, { actorId: null, actorEmail: email, action: "auth.sign_in_throttled", ip: input.client.ip });
    return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000) };
  }

  // Each attempt is counted before the password is checked, so parallel guesses cannot pass the limit.
  const windowStart = iso(addMinutes(now, -policy.lockMinutes));
  const lockedUntilIfOver = iso(addMinutes(now, policy.lockMinutes));
  const accountCount = await reserveAttempt(db, {
    key: keys.account,
    now: iso(now),
    windowStart,
    limit: policy.maxFailuresPerAccount,
    lockedUntil: lockedUntilIfOver,
  });
  const addressCount = keys.address
    ? await reserveAttempt(db, {
        key: keys.address,
        now: iso(now),
        windowStart,
        limit: policy.maxFailuresPerAddress,
        lockedUntil: lockedUntilIfOver,
      })
    : 0;
  if (accountCount > policy.maxFailuresPerAccount || addressCount > policy.maxFailuresPerAddress) {
    await insertAuditEvent(db, { actorId: null, actorEmail: email, action: "auth.sign_in_throttled", ip: input.client.ip });
    return { ok: false, reason: "throttled", retryAfterSeconds: policy.lockMinutes * 60 };
  }

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !valid || user.disabled_at !== null || user.password_hash === null) {
    await insertAuditEvent(db, {
      actorId: user?.id ?? null,
      actorEmail: email,
      action: "auth.sign_in_failed",
      ip: input.client.ip,
      details: { reason: !user ? "unknown account" : user.disabled_at ? "account disabled" : "wrong password" },
    });
    return { ok: false, reason: "invalid" };
  }

  if (keys.address) await releaseAttempt(db, keys.address, policy.maxFailuresPerAddress);
  await clearFailures(db, keys.account);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3_600_000);
  await insertSession(db, {
    id: hashToken(token),
    user_id: user.id,
    created_at: iso(now),
    last_seen_at: iso(now),
    expires_at: iso(expiresAt),
    ip: input.client.ip,
    user_agent: input.client.userAgent?.slice(0, 300) ?? null,
  });
  await insertAuditEvent(db, { actorId: user.id, actorEmail: user.email, action: "auth.sign_in", ip: input.client.ip });
  return { ok: true, user: toUser(user), token, expiresAt };
}

/** The user behind a session token, or null when it is unknown, idle too long, past its end, or its user is disabled. */
export async function validateSession(
  db: Kysely<Database>,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<SessionUser | null> {
  const hash = hashToken(token);
  const found = await findSessionWithUser(db, hash);
  if (!found) return null;
  const { session, user } = found;
  const idleEnd = addMinutes(new Date(session.last_seen_at), policy.idleMinutes);
  if (user.disabled_at !== null || now >= new Date(session.expires_at) || now >= idleEnd) {
    await deleteSession(db, hash);
    return null;
  }
  // Write the activity at most once a minute.
  if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000) await touchSession(db, hash, iso(now));
  return toUser(user);
}

export async function signOut(db: Kysely<Database>, token: string, actor: SessionUser | null, client: ClientInfo): Promise<void> {
  await deleteSession(db, hashToken(token));
  if (actor) await insertAuditEvent(db, { actorId: actor.id, actorEmail: actor.email, action: "auth.sign_out", ip: client.ip });
}

// One-time links.

const TOKEN_HOURS: Record<UserTokenPurpose, number> = { setup: 24, invite: 72, reset: 24 };

export async function issueUserToken(
  db: Kysely<Database>,
  input: { purpose: UserTokenPurpose; userId: string | null; createdBy: string | null },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  await revokeUserTokens(db, input.purpose, input.userId);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + TOKEN_HOURS[input.purpose] * 3_600_000);
  await insertUserToken(db, {
    hash: hashToken(token),
    purpose: input.purpose,
    userId: input.userId,
    createdBy: input.createdBy,
    expiresAt: iso(expiresAt),
  });
  return { token, expiresAt };
}

export type TokenCheck = { ok: true; purpose: UserTokenPurpose; user: SessionUser | null } | { ok: false; message: string };

export async function checkUserToken(db: Kysely<Database>, token: string, now = new Date()): Promise<TokenCheck> {
  const row = await findUserToken(db, hashToken(token));
  if (!row) return { ok: false, message: "This link is not valid. Ask an admin for a new one." };
  if (row.used_at !== null) return { ok: false, message: "This link has been used already, or a newer one replaced it." };
  if (new Date(row.expires_at) <= now) return { ok: false, message: "This link has expired. Ask an admin for a new one." };
  if (row.purpose === "setup") {
    if ((await countUsers(db)) > 0) return { ok: false, message: "The console has been set up already: sign in instead." };
    return { ok: true, purpose: "setup", user: null };
  }
  const user = row.user_id ? await getUser(db, row.user_id) : undefined;
  if (!user || user.disabled_at !== null) return { ok: false, message: "The account this link belongs to is disabled or gone." };
  return { ok: true, purpose: row.purpose, user: toUser(user) };
}

/**
 * Uses a one-time link: the first admin is created (setup), or the invited or
 * reset user's password is set. A link works once.
 */
export async function redeemUserToken(
  db: Kysely<Database>,
  input: { token: string; email?: string; password: string; client: ClientInfo },
  now = new Date(),
): Promise<{ ok: true; user: SessionUser } | { ok: false; message: string }> {
  const check = await checkUserToken(db, input.token, now);
  if (!check.ok) return check;
  // Everything that can be wrong with the input is checked before the link is used up.
  if (check.purpose === "setup" && !input.email) return { ok: false, message: "An email is needed for the first admin." };
  const passwordHash = await hashPassword(input.password);
  if (!(await consumeUserToken(db, hashToken(input.token)))) {
    return { ok: false, message: "This link has been used already, or a newer one replaced it." };
  }
  if (check.purpose === "setup" && input.email) {
    const user = await insertUser(db, { email: input.email, role: "admin", passwordHash });
    await insertAuditEvent(db, {
      actorId: user.id,
      actorEmail: user.email,
      action: "user.created",
      targetType: "user",
      targetId: user.id,
      targetLabel: user.email,
      ip: input.client.ip,
      details: { role: "admin", via: "first-run setup" },
    });
    return { ok: true, user: toUser(user) };
  }
  const user = check.user;
  if (!user) return { ok: false, message: "This link is not valid." };
  await updateUser(db, user.id, { password_hash: passwordHash });
  await deleteUserSessions(db, user.id);
  await insertAuditEvent(db, {
    actorId: user.id,
    actorEmail: user.email,
    action: check.purpose === "invite" ? "user.invite_accepted" : "user.password_reset",
    targetType: "user",
    targetId: user.id,
    targetLabel: user.email,
    ip: input.client.ip,
  });
  return { ok: true, user };
}

/** CONSOLE_ADMIN_EMAIL / CONSOLE_ADMIN_PASSWORD: creates that admin, or makes it an enabled admin with that password. */
export async function syncEnvironmentAdmin(
  db: Kysely<Database>,
  email: string,
  password: string,
): Promise<"created" | "updated" | "unchanged"> {
  // Insert first, atomically: instances starting together create the admin once, the others update it.
  const user = await insertUserIfAbsent(db, { email, role: "admin", passwordHash: await hashPassword(password) });
  if (user) {
    await insertAuditEvent(db, {
      actorId: null,
      actorEmail: null,
      action: "user.created",
      targetType: "user",
      targetId: user.id,
      targetLabel: user.email,
      details: { role: "admin", via: "CONSOLE_ADMIN_EMAIL" },
    });
    return "created";
  }
  const existing = await findUserByEmail(db, email);
  if (!existing) throw new Error("the environment's admin could neither be created nor found");
  const samePassword = existing.password_hash !== null && (await verifyPassword(password, existing.password_hash));
  if (samePassword && existing.role === "admin" && existing.disabled_at === null) return "unchanged";
  const changes: { role: Role; disabled_at: null; password_hash?: string } = { role: "admin", disabled_at: null };
  if (!samePassword) changes.password_hash = await hashPassword(password);
  await updateUser(db, existing.id, changes);
  if (!samePassword) await deleteUserSessions(db, existing.id);
  await insertAuditEvent(db, {
    actorId: null,
    actorEmail: null,
    action: "user.updated",
    targetType: "user",
    targetId: existing.id,
    targetLabel: existing.email,
    details: {
      via: "CONSOLE_ADMIN_EMAIL",
      role: existing.role !== "admin" ? { from: existing.role, to: "admin" } : undefined,
      passwordReset: !samePassword || undefined,
      enabled: existing.disabled_at !== null || undefined,
    },
  });
  return "updated";
}
