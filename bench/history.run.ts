/**
 * npm run bench: the history, search and overview figures on SQLite and on
 * PostgreSQL, side by side. Seeds BENCH_ROWS attempts (default 1,000,000) into
 * a throwaway SQLite file and a throwaway PostgreSQL database, measures through
 * the console's own repository functions, prints a table, and writes it into
 * docs/benchmarks.md (at 1,000,000 rows or more, or with BENCH_WRITE=1).
 * Run by scripts/bench.sh under Vitest (for TypeScript and the @ paths); it
 * asserts nothing about speed.
 */
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, inject, test } from "vitest";
import { openDb, openMigratedDb, type DbHandle } from "@/lib/db/connection";
import { findByRequestId } from "@/lib/db/requests";
import { listRequests, type HistoryQuery } from "@/lib/db/history-list";
import { rebuildRollups } from "@/lib/db/rollups";
import { overviewWindow } from "@/lib/calls/overview";
import { ms, time, type Timing } from "./measure";
import { recordRate } from "./record-rate";
import { seedPostgres, seedSqlite, type Sample } from "./seed";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const WRITE = ROWS >= 1_000_000 || process.env.BENCH_WRITE === "1";
const NOW = Date.now();
const day = new Date(NOW - 24 * 3_600_000).toISOString();

type Figures = Map<string, string>;
const results: Record<"sqlite" | "postgres", Figures> = { sqlite: new Map(), postgres: new Map() };
const order: string[] = [];
const record = (dialect: "sqlite" | "postgres", label: string, value: string) => {
  if (!order.includes(label)) order.push(label);
  results[dialect].set(label, value);
};
const p = (t: Timing) => `${ms(t.p50)} / ${ms(t.p95)}`;

async function measure(dialect: "sqlite" | "postgres", handle: DbHandle, sample: Sample, seedSeconds: number) {
  const db = handle.db;
  record(dialect, "seeding (not the console's path)", `${seedSeconds.toFixed(0)} s`);
  // The seed writes attempts only; the overview reads the hourly rollups, recounted here as `npm run rollups:rebuild` does.
  const t0 = performance.now();
  const { rows } = await rebuildRollups(db, dialect);
  record(
    dialect,
    "rollups recounted from every attempt (once, after seeding)",
    `${((performance.now() - t0) / 1000).toFixed(1)} s (${rows.toLocaleString("en")} rows)`,
  );
  const page = (q: Omit<HistoryQuery, "limit">) => () => listRequests(db, { ...q, limit: 50 });
  // The floor of any query: on SQLite a call into the process, on PostgreSQL a round trip over loopback.
  record(dialect, "the floor: select 1", p(await time(() => sql`select 1`.execute(db))));
  record(dialect, "RequestId lookup (entry page)", p(await time(() => findByRequestId(db, sample.requestId))));
  const filters: [string, Omit<HistoryQuery, "limit">][] = [
    ["first page, no filter", {}],
    ["search: RequestId, whole", { q: sample.requestId }],
    ["search: RequestId, 8 hex digits", { q: sample.requestId.slice(3, 11) }],
    ["search: callee UserID", { q: sample.callee }],
    ["search: robot UserID", { q: sample.robot }],
    ["filter: outcome = api-error", { outcome: "api-error" }],
    ["filter: ErrorCode = 70107", { code: 70107 }],
    ["filter: profile", { profile: "p-prod" }],
    ["filter: operator", { operator: "op_3" }],
    ["filter: last 24 hours", { from: day }],
    ["filter: profile + ErrorCode + 24 h", { profile: "p-staging", code: 60007, from: day }],
    ["search: no match", { q: "nobody-at-all" }],
  ];
  for (const [label, q] of filters) record(dialect, label, p(await time(page(q))));
  // Keyset pagination: the page 10,000 pages down (or half-way, on a small history) starts after a cursor.
  const depth = Math.min(10_000 * 50, Math.floor(ROWS / 2));
  const cursorRow = await db.selectFrom("requests").select("id").orderBy("id", "desc").offset(depth).limit(1).executeTakeFirst();
  record(dialect, `page ${Math.round(depth / 50).toLocaleString("en")} deep, no filter`, p(await time(page({ cursor: cursorRow?.id }))));
  const now = new Date(NOW);
  record(dialect, "overview, 24 h (from the rollups)", p(await time(() => overviewWindow(db, "24 h", 24, now))));
  record(dialect, "overview, 7 d (from the rollups)", p(await time(() => overviewWindow(db, "7 d", 168, now))));
  record(dialect, "recording attempts (pending + outcome), 100 at a time", await recordRate(db, { total: 10_000, concurrency: 100 }));
  record(dialect, "the same, 20 at a time", await recordRate(db, { total: 5_000, concurrency: 20 }));
  record(dialect, "the same, one at a time", await recordRate(db, { total: 1_000, concurrency: 1 }));
}

test("SQLite", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-sqlite-"));
  const file = path.join(dir, "bench.db");
  const handle = await openMigratedDb(`file:${file}`);
  const t0 = performance.now();
  const sample = seedSqlite(file, ROWS, NOW);
  await measure("sqlite", handle, sample, (performance.now() - t0) / 1000);
  await handle.db.destroy();
  // What flushing every commit would cost (SQLITE_SYNCHRONOUS=full): the trade-off in docs/benchmarks.md.
  const full = openDb(`file:${file}`, { sqliteSynchronous: "full" });
  record("sqlite", "recording attempts, 20 at a time, SQLITE_SYNCHRONOUS=full", await recordRate(full.db, { total: 500, concurrency: 20 }));
  await full.db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

test("PostgreSQL", async () => {
  const adminUrl = inject("postgresUrl");
  const name = `console_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const handle = await openMigratedDb(url.toString());
    const t0 = performance.now();
    const sample = await seedPostgres(url.toString(), ROWS, NOW);
    await measure("postgres", handle, sample, (performance.now() - t0) / 1000);
    await handle.db.destroy();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
});

function machine(): string {
  const run = (cmd: string) => {
    try {
      return execSync(cmd, { encoding: "utf8" }).trim();
    } catch {
      return "?";
    }
  };
  const memory = run('free -h | awk \'/^Mem:/ {print $2" total, "$7" available"}\'');
  const pgVersion = run("psql --version");
  return `${cpus().length} cores (\`nproc\` ${run("nproc")}), ${cpus()[0]?.model ?? "?"}, memory ${memory}, Node ${process.version}, ${pgVersion}, load average at the end ${run("cut -d' ' -f1-3 /proc/loadavg")}`;
}

afterAll(() => {
  const lines = [
    `### ${new Date().toISOString().slice(0, 10)}, ${ROWS.toLocaleString("en")} attempts`,
    "",
    `Machine: ${machine()}.`,
    "",
    "p50 / p95 of each, measured through the console's repository functions (`lib/db`).",
    "",
    "| measure | SQLite | PostgreSQL |",
    "| --- | --- | --- |",
    ...order.map((label) => `| ${label} | ${results.sqlite.get(label) ?? "—"} | ${results.postgres.get(label) ?? "—"} |`),
  ];
  const table = lines.join("\n");
  console.log(`\n${table}\n`);
  if (!WRITE) {
    console.log("(not written to docs/benchmarks.md: fewer than 1,000,000 rows; set BENCH_WRITE=1 to write anyway)");
    return;
  }
  const doc = path.join(process.cwd(), "docs", "benchmarks.md");
  const text = readFileSync(doc, "utf8");
  const start = "<!-- bench:history:start -->";
  const end = "<!-- bench:history:end -->";
  const block = `${start}\n\n${table}\n\n${end}`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  writeFileSync(doc, a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length) : `${text.trimEnd()}\n\n${block}\n`);
  console.log("written to docs/benchmarks.md");
});
