import "server-only";
import type { Kysely } from "kysely";
import { auditBy } from "@/lib/db/audit";
import type { Database } from "@/lib/db/schema";
import { deleteUserSessions } from "@/lib/db/sessions";
import { countActiveAdmins, findUserByEmail, getUser, insertUserIfAbsent, updateUser } from "@/lib/db/users";
import type { ActionResult } from "@/lib/forms/action-result";
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
): Promise<ActionResult<{ id: string; invite: OneTimeLink | null }>> {
  if (await findUserByEmail(db, input.email)) return { ok: false, fieldErrors: { email: ["already has an account"] } };
  const user = await insertUserIfAbsent(db, {
    email: input.email,
    role: input.role,
    passwordHash: input.password ? await hashPassword(input.password) : null,
  });
  if (!user) return { ok: false, fieldErrors: { email: ["already has an account"] } };
  await audit(db, actor, "user.created", user, { role: input.role, via: input.password ? "password" : "invitation" });
  return { ok: true, data: { id: user.id, invite: input.password ? null : await link(db, "invite", user.id, actor) } };
}

async function keepsAnAdmin(db: Kysely<Database>, userId: string): Promise<boolean> {
  const user = await getUser(db, userId);
  if (!user || user.role !== "admin" || user.disabled_at !== null) return true;
  return (await countActiveAdmins(db)) > 1;
}

export async function changeRole(db: Kysely<Database>, userId: string, role: Role, actor: Actor): Promise<ActionResult<null>> {
  const user = await getUser(db, userId);
  if (!user) return { ok: false, formError: "This user no longer exists." };
  if (user.role === role) return { ok: true, data: null };
  if (role !== "admin" && !(await keepsAnAdmin(db, userId)))
    return { ok: false, formError: "The console needs at least one enabled admin." };
  await updateUser(db, userId, { role });
  await audit(db, actor, "user.role_changed", user, { role: { from: user.role, to: role } });
  return { ok: true, data: null };
}

/** Disabling ends all of the user's sessions at once. */
export async function setDisabled(db: Kysely<Database>, userId: string, disabled: boolean, actor: Actor): Promise<ActionResult<null>> {
  const user = await getUser(db, userId);
  if (!user) return { ok: false, formError: "This user no longer exists." };
  if (disabled && userId === actor.user.id) return { ok: false, formError: "You cannot disable your own account." };
  if (disabled && !(await keepsAnAdmin(db, userId))) return { ok: false, formError: "The console needs at least one enabled admin." };
  if ((user.disabled_at !== null) === disabled) return { ok: true, data: null };
  await updateUser(db, userId, { disabled_at: disabled ? new Date().toISOString() : null });
  if (disabled) await deleteUserSessions(db, userId);
  await audit(db, actor, disabled ? "user.disabled" : "user.enabled", user);
  return { ok: true, data: null };
}

/** A one-time link for the user to choose a new password; the old one keeps working until then. */
export async function issueResetLink(db: Kysely<Database>, userId: string, actor: Actor): Promise<ActionResult<OneTimeLink>> {
  const user = await getUser(db, userId);
  if (!user) return { ok: false, formError: "This user no longer exists." };
  const reset = await link(db, user.password_hash === null ? "invite" : "reset", userId, actor);
  await audit(db, actor, "user.reset_link_issued", user);
  return { ok: true, data: reset };
}
