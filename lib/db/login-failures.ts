import type { Kysely } from "kysely";
import type { Database } from "./schema";

export async function getFailures(db: Kysely<Database>, keys: string[]) {
  if (keys.length === 0) return [];
  return db.selectFrom("login_failures").selectAll().where("key", "in", keys).execute();
}

export async function saveFailure(
  db: Kysely<Database>,
  row: { key: string; count: number; first_at: string; locked_until: string | null },
): Promise<void> {
  await db
    .insertInto("login_failures")
    .values(row)
    .onConflict((oc) => oc.column("key").doUpdateSet({ count: row.count, first_at: row.first_at, locked_until: row.locked_until }))
    .execute();
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("login_failures").where("key", "=", key).execute();
}
