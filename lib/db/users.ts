import "server-only";
import type { Kysely } from "kysely";
import { ulid } from "ulid";
import type { Database, Role, UserRow, UserTokenPurpose } from "./schema";

/** A user as pages see it: no password hash. */
export type UserSummary = Omit<UserRow, "password_hash" | "locale">;
const summary = ["id", "email", "role", "disabled_at", "created_at", "updated_at"] as const;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listUsers(db: Kysely<Database>): Promise<UserSummary[]> {
  return db.selectFrom("users").select(summary).orderBy("email").execute();
}

/** The users admin's list: whether each has set a password yet (an invitation not taken up), never the hash. */
export async function listUsersWithInvitation(db: Kysely<Database>): Promise<(UserSummary & { invited: boolean })[]> {
  const rows = await db
    .selectFrom("users")
    .select([...summary, (eb) => eb("password_hash", "is", null).as("invited")])
    .orderBy("email")
    .execute();
  // SQLite answers 0/1, PostgreSQL a boolean.
  return rows.map((row) => ({ ...row, invited: Boolean(row.invited) }));
}

export async function getUser(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normalizeEmail(email)).executeTakeFirst();
}

export async function insertUser(
  db: Kysely<Database>,
  input: { email: string; role: Role; passwordHash: string | null },
): Promise<UserRow> {
  const now = new Date().toISOString();
  const row: UserRow = {
    id: ulid(),
    email: normalizeEmail(input.email),
    role: input.role,
    password_hash: input.passwordHash,
    disabled_at: null,
    locale: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto("users").values(row).execute();
  return row;
}

/** Inserts a user unless the email has an account already (also one created at the same moment): null then. */
export async function insertUserIfAbsent(
  db: Kysely<Database>,
  input: { email: string; role: Role; passwordHash: string | null },
): Promise<UserRow | null> {
  const now = new Date().toISOString();
  const row: UserRow = {
    id: ulid(),
    email: normalizeEmail(input.email),
    role: input.role,
    password_hash: input.passwordHash,
    disabled_at: null,
    locale: null,
    created_at: now,
    updated_at: now,
  };
  const inserted = await db
    .insertInto("users")
    .values(row)
    .onConflict((oc) => oc.column("email").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted ? row : null;
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Pick<UserRow, "role" | "password_hash" | "disabled_at">>,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ ...changes, updated_at: new Date().toISOString() })
    .where("id", "=", id)
    .execute();
}

/**
 * Changes a user unless that would leave no enabled admin, in one transaction
 * whose check and write cannot interleave with another's: it first takes the
 * write lock on every enabled admin's row (PostgreSQL row locks; SQLite's
 * database write lock), then writes only if the user is not an enabled admin
 * or another enabled admin remains (checked in the same UPDATE statement).
 */
export async function updateUserKeepingAnAdmin(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Pick<UserRow, "role" | "disabled_at">>,
): Promise<"updated" | "last-admin" | "missing"> {
  return db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ role: "admin" }).where("role", "=", "admin").where("disabled_at", "is", null).execute();
    const result = await trx
      .updateTable("users")
      .set({ ...changes, updated_at: new Date().toISOString() })
      .where("id", "=", id)
      .where((eb) =>
        eb.or([
          eb("role", "!=", "admin"),
          eb("disabled_at", "is not", null),
          eb(
            eb
              .selectFrom("users as admins")
              .select((sub) => sub.fn.countAll().as("n"))
              .where("admins.role", "=", "admin")
              .where("admins.disabled_at", "is", null),
            ">",
            1,
          ),
        ]),
      )
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) return "updated";
    const exists = await trx.selectFrom("users").select("id").where("id", "=", id).executeTakeFirst();
    return exists ? "last-admin" : "missing";
  });
}

export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// One-time tokens (stored by their hash).

export async function insertUserToken(
  db: Kysely<Database>,
  input: { hash: string; purpose: UserTokenPurpose; userId: string | null; createdBy: string | null; expiresAt: string },
): Promise<void> {
  await db
    .insertInto("user_tokens")
    .values({
      id: input.hash,
      purpose: input.purpose,
      user_id: input.userId,
      created_by: input.createdBy,
      created_at: new Date().toISOString(),
      expires_at: input.expiresAt,
      used_at: null,
    })
    .execute();
}

export async function findUserToken(db: Kysely<Database>, hash: string) {
  return db.selectFrom("user_tokens").selectAll().where("id", "=", hash).executeTakeFirst();
}

/** Marks a token used; false when it was used already (two tabs, a replay). */
export async function consumeUserToken(db: Kysely<Database>, hash: string): Promise<boolean> {
  const result = await db
    .updateTable("user_tokens")
    .set({ used_at: new Date().toISOString() })
    .where("id", "=", hash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Unused tokens of a purpose (and user) stop working, e.g. when a new setup link is printed. */
export async function revokeUserTokens(db: Kysely<Database>, purpose: UserTokenPurpose, userId: string | null): Promise<void> {
  let query = db
    .updateTable("user_tokens")
    .set({ used_at: new Date().toISOString() })
    .where("purpose", "=", purpose)
    .where("used_at", "is", null);
  query = userId === null ? query.where("user_id", "is", null) : query.where("user_id", "=", userId);
  await query.execute();
}

/** The language a user chose, or null. */
export async function getUserLocale(db: Kysely<Database>, id: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("locale").where("id", "=", id).executeTakeFirst();
  return row?.locale ?? null;
}

export async function setUserLocale(db: Kysely<Database>, id: string, locale: string): Promise<void> {
  await db.updateTable("users").set({ locale }).where("id", "=", id).execute();
}
