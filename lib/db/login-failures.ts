import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "./schema";

export async function getFailures(db: Kysely<Database>, keys: string[]) {
  if (keys.length === 0) return [];
  return db.selectFrom("login_failures").selectAll().where("key", "in", keys).execute();
}

/**
 * Counts one attempt against a key, atomically, before the password is
 * checked: parallel guesses each get their own number, so no more than the
 * limit are ever checked. A window that has passed (or a lock that has run
 * out) starts again from 1. Returns the attempt's number in the window.
 */
export async function reserveAttempt(
  db: Kysely<Database>,
  input: { key: string; now: string; windowStart: string; limit: number; lockedUntil: string },
): Promise<number> {
  await db
    .updateTable("login_failures")
    .set({ count: 0, first_at: input.now, locked_until: null })
    .where("key", "=", input.key)
    .where((eb) =>
      eb.or([eb("first_at", "<", input.windowStart), eb.and([eb("locked_until", "is not", null), eb("locked_until", "<=", input.now)])]),
    )
    .execute();
  const row = await db
    .insertInto("login_failures")
    .values({ key: input.key, count: 1, first_at: input.now, locked_until: null })
    .onConflict((oc) => oc.column("key").doUpdateSet({ count: sql<number>`login_failures.count + 1` }))
    .returning("count")
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  if (count >= input.limit) {
    await db
      .updateTable("login_failures")
      .set({ locked_until: input.lockedUntil })
      .where("key", "=", input.key)
      .where("locked_until", "is", null)
      .execute();
  }
  return count;
}

/** A successful sign-in gives its reserved attempt back (and lifts a lock it caused). */
export async function releaseAttempt(db: Kysely<Database>, key: string, limit: number): Promise<void> {
  await db
    .updateTable("login_failures")
    .set({
      count: sql<number>`case when count > 0 then count - 1 else 0 end`,
      locked_until: sql<string | null>`case when count - 1 < ${limit} then null else locked_until end`,
    })
    .where("key", "=", key)
    .execute();
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("login_failures").where("key", "=", key).execute();
}
