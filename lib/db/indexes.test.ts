import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import type { Database } from "./schema";

/**
 * The sparse indexes (migrations 0011 and 0012: only rows holding a value are indexed)
 * must still serve every lookup history makes on those columns. On PostgreSQL
 * sequential scans are switched off, so a plan shows whether the index is usable
 * at all, whatever the table's size.
 */
const LOOKUPS: [index: string, where: string][] = [
  ["requests_request_id_unkeyed", "request_id = 'Id-1' and request_key is null"],
  ["requests_request_key", "request_key >= 'abc' and request_key < 'abd'"],
  ["requests_request_key", "request_key = 'abc'"],
  // findByRequestId: by the hex key, or by the RequestId where there is none; each arm has its index.
  ["requests_request_key", "(request_key = 'abc' and request_id = 'Id-abc') or (request_id = 'Id-abc' and request_key is null)"],
  ["requests_request_id_unkeyed", "(request_key = 'abc' and request_id = 'Id-abc') or (request_id = 'Id-abc' and request_key is null)"],
  ["requests_call_id", "call_id = 'call-1'"],
  ["requests_call_id", "call_id in ('call-1', 'call-2')"],
  ["requests_retry_of", "retry_of = '01J'"],
  ["requests_error_code_id", "error_code = 70107 order by id desc limit 50"],
  ["requests_operator_id", "operator_id = 'u-1' order by id desc limit 50"],
];

async function plan(db: Kysely<Database>, dialect: string, where: string): Promise<string> {
  if (dialect === "sqlite") {
    const { rows } = await sql<{ detail: string }>`explain query plan select id from requests where ${sql.raw(where)}`.execute(db);
    return rows.map((r) => r.detail).join("\n");
  }
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const { rows } = await sql<{ "QUERY PLAN": string }>`explain select id from requests where ${sql.raw(where)}`.execute(trx);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

describe.each(DIALECTS)("history's lookups use their indexes on $name", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.open();
  });
  afterAll(async () => t.close());

  it.each(LOOKUPS)("%s serves %s", async (index, where) => {
    expect(await plan(t.db, dialect.name, where)).toContain(index);
  });

  it("indexes only the rows that hold a value", async () => {
    const text =
      dialect.name === "sqlite"
        ? (await sql<{ sql: string }>`select sql from sqlite_master where name = 'requests_call_id'`.execute(t.db)).rows[0]?.sql
        : (await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'requests_call_id'`.execute(t.db)).rows[0]
            ?.indexdef;
    expect(text?.toLowerCase()).toMatch(/where.*call_id.*is not null/);
  });
});
