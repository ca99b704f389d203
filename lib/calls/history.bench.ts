/**
 * History at scale: seeds BENCH_ROWS attempts (default 1,000,000) into a
 * throwaway SQLite file, then times the list with each filter, the overview's
 * numbers, and a 100,000-row export (with its memory). Run: npm run bench.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { ulid } from "ulid";
import { bench, describe } from "vitest";
import { openMigratedDb } from "@/lib/db/connection";
import { listRequests } from "@/lib/db/requests";
import { rebuildRollups } from "@/lib/db/rollups";
import { statsSince } from "@/lib/db/stats";
import { exportHistory } from "./export";
import { overviewWindow } from "./overview";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const file = path.join(mkdtempSync(path.join(tmpdir(), "history-bench-")), "bench.db");
const { db } = await openMigratedDb(`file:${file}`);

const PROFILES = ["simulator", "p-staging", "p-prod"];
const CODES = [70107, 60007, 101001, 70001, 60026];
const now = Date.now();
const sample = { requestId: "", callee: "", robot: "" };

{
  const started = performance.now();
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  for (const [i, id] of PROFILES.entries()) {
    sqlite
      .prepare("insert or ignore into profiles values (?, ?, 'custom', ?, 'administrator', 'china', null, 'x', '…x', ?, ?)")
      .run(id, `Profile ${i}`, 1400000000 + i, new Date().toISOString(), new Date().toISOString());
  }
  const insert =
    sqlite.prepare(`insert into requests (id, client_token, command, profile_id, profile_name, sdk_app_id, admin_identifier, base_url,
      operator, operator_id, url, random, request_body, robot_account, callees, outcome, http_status, action_status, error_code, error_info,
      request_id, request_key, call_id, call_result, response_body, detail, latency_ms, created_at, completed_at)
    values (@id, null, 'call_engine_http_srv/start_call_by_robot', @profile, 'Profile', 1400000000, 'administrator', 'https://console.tim.qq.com',
      @operator, @operator, 'https://console.tim.qq.com/v4/x?usersig=<USERSIG>', 1, @body, @robot, @callees, @outcome, 200, 'OK', @code, '',
      @requestId, @key, @callId, null, null, null, @latency, @at, @at)`);
  const user = sqlite.prepare("insert into request_users values (?, ?, ?)");
  const seed = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const at = now - Math.floor(((ROWS - i) / ROWS) * 7 * 24 * 3_600_000);
      const key = randomBytes(16).toString("hex");
      const roll = i % 100;
      const outcome = roll < 85 ? "ok" : roll < 95 ? "api-error" : "timeout";
      const robot = `robot_${i % 1000}`;
      const callees = [`user_${(i * 7) % 50_000}`, `user_${(i * 13 + 1) % 50_000}`];
      const id = ulid(at);
      insert.run({
        id,
        profile: PROFILES[i % 3],
        operator: `op_${i % 5}`,
        body: JSON.stringify({ Robot_Account: robot, CalleeList_Account: callees, Timeout: 30000, CallInfo: { MediaType: "Video" } }),
        robot,
        callees: JSON.stringify(callees),
        outcome,
        code: outcome === "ok" ? 0 : outcome === "api-error" ? CODES[i % CODES.length] : null,
        requestId: outcome === "timeout" ? null : `Id-${key}-O-Seq-${i}`,
        key: outcome === "timeout" ? null : key,
        callId: outcome === "ok" ? `call-${i}` : null,
        latency: 20 + (i % 180),
        at: new Date(at).toISOString(),
      });
      user.run(id, robot, "robot");
      for (const c of new Set(callees)) user.run(id, c, "callee");
      if (i === Math.floor(ROWS / 2)) Object.assign(sample, { requestId: `Id-${key}-O-Seq-${i}`, callee: callees[0], robot });
    }
  });
  for (let from = 0; from < ROWS; from += 20_000) seed(from, Math.min(ROWS, from + 20_000));
  sqlite.pragma("optimize");
  sqlite.close();
  const count = await sql<{ n: number }>`select count(*) as n from requests`.execute(db);
  console.log(`seeded ${count.rows[0]?.n} attempts in ${((performance.now() - started) / 1000).toFixed(1)} s (${file})`);
  const rebuilt = performance.now();
  const { rows } = await rebuildRollups(db, "sqlite");
  console.log(`rollups rebuilt from history: ${rows} rows in ${((performance.now() - rebuilt) / 1000).toFixed(1)} s`);
}

const page = (filters: Parameters<typeof listRequests>[1]) => async () => {
  const result = await listRequests(db, filters);
  if (result.entries.length === 0 && !filters.q?.startsWith("nobody")) throw new Error(`no rows for ${JSON.stringify(filters)}`);
};
const day = new Date(now - 24 * 3_600_000).toISOString();
const options = { time: 1500, warmupTime: 200 };

describe(`history list, first page of 50, ${ROWS.toLocaleString("en")} rows`, () => {
  bench("no filter", page({ limit: 50 }), options);
  bench("RequestId, whole", page({ q: sample.requestId, limit: 50 }), options);
  bench("RequestId, 8 hex digits", page({ q: sample.requestId.slice(3, 11), limit: 50 }), options);
  bench("callee UserID", page({ q: sample.callee, limit: 50 }), options);
  bench("robot UserID", page({ q: sample.robot, limit: 50 }), options);
  bench("outcome=api-error", page({ outcome: "api-error", limit: 50 }), options);
  bench("code=70107", page({ code: 70107, limit: 50 }), options);
  bench("profile", page({ profile: "p-prod", limit: 50 }), options);
  bench("operator", page({ operator: "op_3", limit: 50 }), options);
  bench("last 24 hours", page({ from: day, limit: 50 }), options);
  bench("profile + code + last 24 hours", page({ profile: "p-staging", code: 60007, from: day, limit: 50 }), options);
  bench("no match", page({ q: "nobody-at-all", limit: 50 }), options);
});

describe("overview from the hourly rollups (numbers and chart series, all profiles)", () => {
  bench("last 24 hours", async () => void (await overviewWindow(db, "24 h", 24, new Date(now))), options);
  bench("last 7 days", async () => void (await overviewWindow(db, "7 d", 168, new Date(now))), options);
});

describe("overview numbers by scanning attempts (before the rollups)", () => {
  bench("last 24 hours", async () => void (await statsSince(db, new Date(now - 24 * 3_600_000))), { time: 1000, iterations: 3 });
  bench("last 7 days", async () => void (await statsSince(db, new Date(now - 7 * 24 * 3_600_000))), { time: 1000, iterations: 2 });
});

describe("export", () => {
  bench(
    "100,000 rows as CSV (memory printed)",
    async () => {
      global.gc?.();
      const before = process.memoryUsage().heapUsed;
      let peak = before;
      let bytes = 0;
      let lines = 0;
      const reader = exportHistory(db, {}, "csv").getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        for (const b of value) if (b === 10) lines += 1;
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        if (lines > 100_000) {
          await reader.cancel();
          break;
        }
      }
      console.log(
        `export: ${lines.toLocaleString("en")} lines, ${(bytes / 1e6).toFixed(1)} MB, heap +${((peak - before) / 1e6).toFixed(1)} MB at peak`,
      );
    },
    { time: 1, iterations: 2, warmupIterations: 0 },
  );
});
