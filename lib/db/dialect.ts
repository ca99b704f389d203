import "server-only";
import { PostgresAdapter, type Kysely, type Transaction } from "kysely";
import type { Database } from "./schema";

/** Whether a connection (or a transaction on it) is PostgreSQL's, for the few statements written per database. */
export const isPostgres = (db: Kysely<Database> | Transaction<Database>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
