/**
 * Seeds a synthetic history fast: attempts spread over 7 days, 3 profiles,
 * 1,000 robots, 50,000 callees, 85% OK, 10% API errors, 5% timeouts. Ids
 * (ULIDs, by time) and RequestIds are made here; everything else is derived
 * from the row number. SQLite: prepared statements in large transactions.
 * PostgreSQL: 10,000 rows per statement through unnest() of arrays.
 */
import { randomBytes } from "node:crypto";
import SQLite from "better-sqlite3";
import pg from "pg";
import { ulid } from "ulid";

export const PROFILES = ["simulator", "p-staging", "p-prod"];
export const CODES = [70107, 60007, 101001, 70001, 60026];
const BATCH = 10_000;

export interface Sample {
  requestId: string;
  callee: string;
  robot: string;
}

interface Batch {
  ids: string[];
  keys: string[];
  at: string[];
  index: number[];
}

function makeBatch(from: number, to: number, rows: number, now: number): Batch {
  const batch: Batch = { ids: [], keys: [], at: [], index: [] };
  for (let i = from; i < to; i++) {
    const at = now - Math.floor(((rows - i) / rows) * 7 * 24 * 3_600_000);
    batch.ids.push(ulid(at));
    batch.keys.push(randomBytes(16).toString("hex"));
    batch.at.push(new Date(at).toISOString());
    batch.index.push(i);
  }
  return batch;
}

const outcomeOf = (i: number) => (i % 100 < 85 ? "ok" : i % 100 < 95 ? "api-error" : "timeout");
const callees = (i: number) => [`user_${(i * 7) % 50_000}`, `user_${(i * 13 + 1) % 50_000}`];

function sampleOf(batch: Batch, rows: number): Sample | null {
  const at = batch.index.indexOf(Math.floor(rows / 2));
  if (at < 0) return null;
  const i = batch.index[at] ?? 0;
  return { requestId: `Id-${batch.keys[at]}-O-Seq-${i}`, callee: callees(i)[0] ?? "", robot: `robot_${i % 1000}` };
}

const now = () => new Date().toISOString();

export function seedSqlite(file: string, rows: number, at: number): Sample {
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  for (const [i, id] of PROFILES.entries()) {
    sqlite
      .prepare(
        "insert or ignore into profiles (id, name, kind, sdk_app_id, admin_identifier, region, base_url, secret_key_enc, key_fingerprint, created_at, updated_at) values (?, ?, 'custom', ?, 'administrator', 'china', null, 'x', '…x', ?, ?)",
      )
      .run(id, `Profile ${i}`, 1400000000 + i, now(), now());
  }
  const insert = sqlite.prepare(`insert into requests (id, client_token, command, profile_id, profile_name, sdk_app_id, admin_identifier,
      base_url, operator, operator_id, url, random, request_body, robot_account, callees, outcome, http_status, action_status, error_code,
      error_info, request_id, request_key, call_id, call_result, response_body, detail, latency_ms, created_at, completed_at)
    values (@id, null, 'call_engine_http_srv/start_call_by_robot', @profile, 'Profile', 1400000000, 'administrator',
      'https://console.tim.qq.com', @operator, @operator, 'https://console.tim.qq.com/v4/x?usersig=<USERSIG>', 1, @body, @robot, @callees,
      @outcome, 200, 'OK', @code, '', @requestId, @key, @callId, null, null, null, @latency, @at, @at)`);
  const user = sqlite.prepare("insert into request_users values (?, ?, ?)");
  let sample: Sample | null = null;
  const seed = sqlite.transaction((batch: Batch) => {
    batch.ids.forEach((id, n) => {
      const i = batch.index[n] ?? 0;
      const outcome = outcomeOf(i);
      const robot = `robot_${i % 1000}`;
      const list = callees(i);
      const key = batch.keys[n] ?? "";
      insert.run({
        id,
        profile: PROFILES[i % 3],
        operator: `op_${i % 5}`,
        body: JSON.stringify({ Robot_Account: robot, CalleeList_Account: list, Timeout: 30000, CallInfo: { MediaType: "Video" } }),
        robot,
        callees: JSON.stringify(list),
        outcome,
        code: outcome === "ok" ? 0 : outcome === "api-error" ? CODES[i % CODES.length] : null,
        requestId: outcome === "timeout" ? null : `Id-${key}-O-Seq-${i}`,
        key: outcome === "timeout" ? null : key,
        callId: outcome === "ok" ? `call-${i}` : null,
        latency: 20 + (i % 180),
        at: batch.at[n],
      });
      user.run(id, robot, "robot");
      for (const c of new Set(list)) user.run(id, c, "callee");
    });
  });
  for (let from = 0; from < rows; from += BATCH) {
    const batch = makeBatch(from, Math.min(rows, from + BATCH), rows, at);
    sample ??= sampleOf(batch, rows);
    seed(batch);
  }
  sqlite.pragma("optimize");
  sqlite.close();
  if (!sample) throw new Error("no sample row");
  return sample;
}

export async function seedPostgres(url: string, rows: number, at: number): Promise<Sample> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const [i, id] of PROFILES.entries()) {
      await client.query(
        "insert into profiles (id, name, kind, sdk_app_id, admin_identifier, region, base_url, secret_key_enc, key_fingerprint, created_at, updated_at) values ($1, $2, 'custom', $3, 'administrator', 'china', null, 'x', '…x', $4, $4) on conflict do nothing",
        [id, `Profile ${i}`, 1400000000 + i, now()],
      );
    }
    let sample: Sample | null = null;
    for (let from = 0; from < rows; from += BATCH) {
      const batch = makeBatch(from, Math.min(rows, from + BATCH), rows, at);
      sample ??= sampleOf(batch, rows);
      await client.query(
        `insert into requests (id, client_token, command, profile_id, profile_name, sdk_app_id, admin_identifier, base_url, operator,
           operator_id, url, random, request_body, robot_account, callees, outcome, http_status, action_status, error_code, error_info,
           request_id, request_key, call_id, call_result, response_body, detail, latency_ms, created_at, completed_at)
         select b.id, null, 'call_engine_http_srv/start_call_by_robot', ($5::text[])[b.i % 3 + 1], 'Profile', 1400000000, 'administrator',
           'https://console.tim.qq.com', 'op_' || (b.i % 5), 'op_' || (b.i % 5), 'https://console.tim.qq.com/v4/x?usersig=<USERSIG>', 1,
           json_build_object('Robot_Account', 'robot_' || (b.i % 1000), 'CalleeList_Account',
             json_build_array('user_' || ((b.i * 7) % 50000), 'user_' || ((b.i * 13 + 1) % 50000)), 'Timeout', 30000,
             'CallInfo', json_build_object('MediaType', 'Video'))::text,
           'robot_' || (b.i % 1000),
           json_build_array('user_' || ((b.i * 7) % 50000), 'user_' || ((b.i * 13 + 1) % 50000))::text,
           o.outcome, 200, 'OK',
           case o.outcome when 'ok' then 0 when 'api-error' then ($6::int[])[b.i % 5 + 1] end, '',
           case when o.outcome <> 'timeout' then 'Id-' || b.key || '-O-Seq-' || b.i end,
           case when o.outcome <> 'timeout' then b.key end,
           case when o.outcome = 'ok' then 'call-' || b.i end,
           null, null, null, 20 + (b.i % 180), b.at, b.at
         from unnest($1::text[], $2::text[], $3::text[], $4::int[]) as b(id, key, at, i),
           lateral (select case when b.i % 100 < 85 then 'ok' when b.i % 100 < 95 then 'api-error' else 'timeout' end as outcome) o`,
        [batch.ids, batch.keys, batch.at, batch.index, PROFILES, CODES],
      );
      await client.query(
        `insert into request_users
         select b.id, u.user_id, u.role from unnest($1::text[], $2::int[]) as b(id, i),
           lateral (select distinct * from (values ('robot_' || (b.i % 1000), 'robot'), ('user_' || ((b.i * 7) % 50000), 'callee'),
             ('user_' || ((b.i * 13 + 1) % 50000), 'callee')) v(user_id, role)) u`,
        [batch.ids, batch.index],
      );
    }
    // As a database in use: hint bits set and the visibility map written, so no autovacuum runs into the measures.
    await client.query("vacuum (analyze)");
    if (!sample) throw new Error("no sample row");
    return sample;
  } finally {
    await client.end();
  }
}
