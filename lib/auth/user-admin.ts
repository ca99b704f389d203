import "server-only";
import type { Kysely } from "kysely";
import { auditBy } from "@/lib/db/audit";
import type { Database } from "@/lib/db/schema";
import { deleteUserSessions } from "@/lib/db/sessions";
import { findUserByEmail, getUser, insertUserIfAbsent, updateUser, updateUserKeepingAnAdmin } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import type { Actor, Role } from "@/lib/forms/roles";
import { publicUrl } from "@/lib/env";
import { hashPassword } from "./passwords";
import { issueUserToken } from "./service";

const audit = (
  db: Kysely<Database>,
  actor: Actor,
  action: string,
  target: { id: string; email: string },
  details?: Record<string, unknown>,
) => auditBy(db, actor, action, { type: "user", id: target.id, label: target.email }, details);

export interface OneTimeLink {
  url: string;
  expiresAt: string;
}

async function link(db: Kysely<Database>, purpose: "invite" | "reset", userId: string, actor: Actor): Promise<OneTimeLink> {
  const { token, expiresAt } = await issueUserToken(db, { purpose, userId, createdBy: actor.user.id });
  return { url: `${publicUrl()}/setup?token=${token}`, expiresAt: expiresAt.toISOString() };
}

/** Creates a user with a password, or with an invitation link (shown once) to set one. */
export async function createUser(
  db: Kysely<Database>,
  input: { email: string; role: Role; password?: string },
  actor: Actor,
): Promise<{ id: string; invite: OneTimeLink | null }> {
  if (await findUserByEmail(db, input.email)) throw new AppError("conflict", "already has an account", { field: "email" });
  const user = await insertUserIfAbsent(db, {
    email: input.email,
    role: input.role,
    passwordHash: input.password ? await hashPassword(input.password) : null,
  });
  if (!user) throw new AppError("conflict", "already has an account", { field: "email" });
  await audit(db, actor, "user.created", user, { role: input.role, via: input.password ? "password" : "invitation" });
  return { id: user.id, invite: input.password ? null : await link(db, "invite", user.id, actor) };
}

async function existingUser(db: Kysely<Database>, userId: string) {
  const user = await getUser(db, userId);
  if (!user) throw new AppError("not-found", "This user no longer exists.");
  return user;
}

const LAST_ADMIN = "The console needs at least one enabled admin.";

/** Writes the change unless it would leave no enabled admin (checked and written atomically, see updateUserKeepingAnAdmin). */
async function changeKeepingAnAdmin(db: Kysely<Database>, userId: string, changes: Parameters<typeof updateUserKeepingAnAdmin>[2]) {
  const outcome = await updateUserKeepingAnAdmin(db, userId, changes);
  if (outcome === "last-admin") throw new AppError("conflict", LAST_ADMIN);
  if (outcome === "missing") throw new AppError("not-found", "This user no longer exists.");
}

export async function changeRole(db: Kysely<Database>, userId: string, role: Role, actor: Actor): Promise<null> {
  const user = await existingUser(db, userId);
  if (user.role === role) return null;
  if (role === "admin") await updateUser(db, userId, { role });
  else await changeKeepingAnAdmin(db, userId, { role });
  await audit(db, actor, "user.role_changed", user, { role: { from: user.role, to: role } });
  return null;
}

/** Disabling ends all of the user's sessions at once. */
export async function setDisabled(db: Kysely<Database>, userId: string, disabled: boolean, actor: Actor): Promise<null> {
  const user = await existingUser(db, userId);
  if (disabled && userId === actor.user.id) throw new AppError("forbidden", "You cannot disable your own account.");
  if ((user.disabled_at !== null) === disabled) return null;
  if (disabled) await changeKeepingAnAdmin(db, userId, { disabled_at: new Date().toISOString() });
  else await updateUser(db, userId, { disabled_at: null });
  if (disabled) await deleteUserSessions(db, userId);
  await audit(db, actor, disabled ? "user.disabled" : "user.enabled", user);
  return null;
}

/** A one-time link for the user to choose a new password; the old one keeps working until then. */
export async function issueResetLink(db: Kysely<Database>, userId: string, actor: Actor): Promise<OneTimeLink> {
  const user = await existingUser(db, userId);
  const reset = await link(db, user.password_hash === null ? "invite" : "reset", userId, actor);
  await audit(db, actor, "user.reset_link_issued", user);
  return reset;
}
