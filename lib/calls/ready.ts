import "server-only";
import type { Kysely } from "kysely";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/schema";
import { ensureBuiltInProfiles } from "./profiles";

const holder = globalThis as typeof globalThis & { __consoleReady?: Promise<Kysely<Database>> };

/** The database, migrated, with the built-in profiles in place. Safe to call on every request. */
export function readyDb(): Promise<Kysely<Database>> {
  holder.__consoleReady ??= (async () => {
    const db = await getDb();
    await ensureBuiltInProfiles(db);
    return db;
  })().catch((error: unknown) => {
    holder.__consoleReady = undefined;
    throw error;
  });
  return holder.__consoleReady;
}
