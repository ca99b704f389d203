import "server-only";
import { sql, type Insertable, type Kysely, type Selectable } from "kysely";
import type { DialectName } from "./connection";
import type { Database, SimCallbacksTable, SimCallsTable } from "./schema";

/**
 * The built-in simulator's state (lib/simulator/store.ts describes it; the
 * console's adapter is lib/calls/sim-store.ts), shared by every console
 * instance on the database. A stored call changes only when end_call ends it;
 * its other moments are planned at the start and derived when read.
 */
export type SimCallRow = Selectable<SimCallsTable>;
export type NewSimCallRow = Insertable<SimCallsTable>;
export type SimCallbackRow = Selectable<SimCallbacksTable>;

const COLUMNS = [
  "call_id",
  "caller",
  "callees",
  "call_type",
  "media_type",
  "room_id",
  "room_id_type",
  "start_ms",
  "changes",
  "accept_ms",
  "ends_at_ms",
  "result",
  "record_at_ms",
  "hung_up",
] as const satisfies readonly (keyof NewSimCallRow)[];

/**
 * Inserts the call unless `maxLive` calls are still going at `nowMs`: one
 * INSERT ... SELECT ... WHERE (count) < max. SQLite runs one write at a time,
 * so the count and the insert hold together; on PostgreSQL concurrent starts
 * would each count before the others commit, so they first take one
 * transaction-scoped advisory lock (held for that one statement).
 */
export async function insertSimCallIfRoom(
  db: Kysely<Database>,
  dialect: DialectName,
  row: NewSimCallRow,
  nowMs: number,
  maxLive: number,
): Promise<boolean> {
  const values = { hung_up: 0, ...row };
  const statement = sql`insert into sim_calls (${sql.join(COLUMNS.map((c) => sql.ref(c)))})
    select ${sql.join(COLUMNS.map((c) => values[c] ?? null))}
    where (select count(*) from sim_calls where ends_at_ms > ${nowMs}) < ${maxLive}`;
  if (dialect === "sqlite") return ((await statement.execute(db)).numAffectedRows ?? 0n) > 0n;
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('sim_calls live limit'))`.execute(trx);
    return ((await statement.execute(trx)).numAffectedRows ?? 0n) > 0n;
  });
}

export async function getSimCall(db: Kysely<Database>, callId: string): Promise<SimCallRow | null> {
  return (await db.selectFrom("sim_calls").selectAll().where("call_id", "=", callId).executeTakeFirst()) ?? null;
}

/** end_call: ends the call if it is still going at `end.ends_at_ms`, in one conditional UPDATE. */
export async function endSimCall(
  db: Kysely<Database>,
  callId: string,
  end: { ends_at_ms: number; result: string; record_at_ms: number },
): Promise<boolean> {
  const result = await db
    .updateTable("sim_calls")
    .set({ ...end, hung_up: 1 })
    .where("call_id", "=", callId)
    .where("ends_at_ms", ">", end.ends_at_ms)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface SimRecordQuery {
  nowMs: number;
  fromMs: number;
  toMs?: number;
  callResult?: string;
  callType?: string;
  offset: number;
  limit: number;
}

/** Calls whose record exists at `nowMs`, newest start first, one page of them and how many match. */
export async function listSimRecords(db: Kysely<Database>, q: SimRecordQuery): Promise<{ total: number; rows: SimCallRow[] }> {
  let query = db.selectFrom("sim_calls").where("record_at_ms", "<=", q.nowMs).where("start_ms", ">=", q.fromMs);
  if (q.toMs !== undefined) query = query.where("start_ms", "<", q.toMs);
  if (q.callResult !== undefined) query = query.where("result", "=", q.callResult);
  if (q.callType !== undefined) query = query.where("call_type", "=", q.callType);
  const counted = await query.select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirst();
  const rows = await query.selectAll().orderBy("start_ms", "desc").orderBy("call_id", "desc").limit(q.limit).offset(q.offset).execute();
  return { total: Number(counted?.n ?? 0), rows };
}

/** Deletes at most `limit` calls that started (and ended) before `beforeMs`, oldest first; answers how many. */
export async function deleteExpiredSimCalls(db: Kysely<Database>, beforeMs: number, limit: number): Promise<number> {
  const result = await db
    .deleteFrom("sim_calls")
    .where("call_id", "in", (eb) =>
      eb
        .selectFrom("sim_calls")
        .select("call_id")
        .where("start_ms", "<", beforeMs)
        .where("ends_at_ms", "<=", beforeMs)
        .orderBy("start_ms")
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function getSimCallback(db: Kysely<Database>, sdkAppId: number): Promise<SimCallbackRow | null> {
  return (await db.selectFrom("sim_callbacks").selectAll().where("sdk_app_id", "=", sdkAppId).executeTakeFirst()) ?? null;
}

/** set_callback: one statement, whoever sets it last wins. */
export async function setSimCallback(db: Kysely<Database>, row: SimCallbackRow): Promise<void> {
  await db
    .insertInto("sim_callbacks")
    .values(row)
    .onConflict((oc) => oc.column("sdk_app_id").doUpdateSet({ url: row.url, commands: row.commands, updated_at: row.updated_at }))
    .execute();
}

/** delete_callback: false when there was none. */
export async function deleteSimCallback(db: Kysely<Database>, sdkAppId: number): Promise<boolean> {
  const result = await db.deleteFrom("sim_callbacks").where("sdk_app_id", "=", sdkAppId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
