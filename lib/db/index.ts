import "server-only";
import { env } from "@/lib/env";
import { openMigratedDb, type DbHandle } from "./connection";

/**
 * The process's database, migrated once. Kept on globalThis so that dev-mode
 * reloads do not open a new pool each time.
 */
const holder = globalThis as typeof globalThis & { __consoleDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  holder.__consoleDb ??= openMigratedDb(env().DATABASE_URL, { sqliteSynchronous: env().SQLITE_SYNCHRONOUS }).catch((error: unknown) => {
    holder.__consoleDb = undefined;
    throw error;
  });
  return holder.__consoleDb;
}

export async function getDb() {
  return (await getDbHandle()).db;
}
