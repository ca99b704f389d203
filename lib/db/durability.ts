import { sql, type Kysely, type Transaction } from "kysely";
import { isPostgres } from "./dialect";
import type { Database } from "./schema";

/**
 * Lets the transaction in progress commit without waiting for the disk
 * (PostgreSQL's `synchronous_commit = off`, for this transaction only). Used
 * for an attempt's outcome, never for its pending row. What that gives up is
 * in docs/benchmarks.md ("What is durable when"): PostgreSQL has the commit
 * at once, so a crash of the console loses nothing; a crash of the PostgreSQL
 * server or of the machine within about 0.6 s of it may lose the outcome, and
 * the attempt then reads "outcome unknown", as when the console stops
 * mid-flight. On SQLite it does nothing (see connection.ts: every commit
 * there is written to the WAL before it returns).
 */
export async function commitWithoutFlush(trx: Transaction<Database> | Kysely<Database>): Promise<void> {
  if (isPostgres(trx)) await sql`set local synchronous_commit = off`.execute(trx);
}
