import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from "kysely";
import pg from "pg";
import { errorMessage, log } from "@/lib/log";
import { migrateToLatest } from "./migrations";
import type { Database } from "./schema";

export type DialectName = "sqlite" | "postgres";

export interface DbHandle {
  db: Kysely<Database>;
  dialect: DialectName;
}

// int8 columns (SDKAppID, random) come back as numbers; every value stored there is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface OpenOptions {
  /**
   * SQLite's `synchronous` in WAL mode. normal (the default): a commit is in the WAL file when it
   * returns, so a crash of the console loses nothing; the WAL is flushed to the disk at checkpoints,
   * so a power loss or an OS crash may roll back the last commits (the file stays consistent).
   * full: every commit is flushed too (about 5 ms each on this machine's disk). See docs/benchmarks.md.
   */
  sqliteSynchronous?: "normal" | "full";
}

/** Opens a database from a URL: `file:<path>` (or `:memory:`) for SQLite, `postgres://` for PostgreSQL. */
export function openDb(url: string, options: OpenOptions = {}): DbHandle {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection the server closes (a restart, a failover) is dropped and replaced on the next
    // query; without a listener, pg's "error" event would be an uncaught exception that stops the process.
    pool.on("error", (error) => {
      log.warn("db.idle_connection_lost", { error: errorMessage(error) });
    });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: "postgres" };
  }
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${options.sqliteSynchronous === "full" ? "FULL" : "NORMAL"}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // 64 MiB of pages kept in memory (the default is 2 MB): at a million attempts, history's indexes no
  // longer fit the default, and each write would read its index pages back from the file.
  sqlite.pragma("cache_size = -65536");
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }), dialect: "sqlite" };
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query anew; on SQLite preparing (parsing and planning)
 * is a good share of a small write's cost. The last few hundred statements are
 * kept by their SQL text and reused (one still running is never handed out twice).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const cached = cache.get(text);
      cache.delete(text);
      const statement = cached && !cached.busy ? cached : sqlite.prepare(text);
      cache.set(text, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? "");
      return statement;
    },
  };
}

export async function openMigratedDb(url: string, options: OpenOptions = {}): Promise<DbHandle> {
  const handle = openDb(url, options);
  await migrateToLatest(handle.db as Kysely<unknown>);
  return handle;
}
