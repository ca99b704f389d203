#!/usr/bin/env node
/**
 * npm run bench:sim-memory: does the built-in simulator's memory stay flat?
 * Sends SIM_STARTS (default 10,000) start_call_by_robot requests through the
 * simulator as the console builds it (its state in the database) and prints
 * the process's RSS and heap before, every quarter, and after, with a forced
 * garbage collection before each reading. SQLite (a throwaway file) always;
 * PostgreSQL too when TEST_POSTGRES_URL is set (scripts/sim-memory.sh sets it).
 * The in-memory store the unit tests use is measured last, for contrast.
 *
 * The simulator's clock advances 100 ms per start (so calls end and the
 * live-call limit is not what is measured); each start rings one callee,
 * every other one a sim-rejects callee that ends its call after 1 s.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";
import pg from "pg";

const root = fileURLToPath(new URL("..", import.meta.url));
const jiti = createJiti(import.meta.url, {
  alias: { "@": root, "server-only": path.join(root, "lib/testing/server-only-stub.ts") },
});
const { openMigratedDb } = await jiti.import(path.join(root, "lib/db/connection.ts"));
const { databaseSimStore } = await jiti.import(path.join(root, "lib/calls/sim-store.ts"));
const { CallEngineSimulator } = await jiti.import(path.join(root, "lib/simulator/simulator.ts"));
const { MemorySimStore } = await jiti.import(path.join(root, "lib/simulator/store.ts"));
const { genUserSig } = await jiti.import(path.join(root, "lib/tencent/usersig.ts"));

if (typeof globalThis.gc !== "function") {
  console.error("run with node --expose-gc (npm run bench:sim-memory does)");
  process.exit(2);
}
const STARTS = Number(process.env.SIM_STARTS ?? 10_000);
const APP = 1400000001;
const KEY = randomBytes(32).toString("hex");
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function reading() {
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

async function run(label, store, countRows) {
  const clock = { ms: Date.UTC(2026, 0, 1) };
  const sim = new CallEngineSimulator({ sdkAppId: APP, secretKey: KEY, store, now: () => Math.floor(clock.ms / 1000) });
  const userSig = genUserSig({
    sdkAppId: APP,
    secretKey: KEY,
    identifier: "administrator",
    expireSeconds: 86400 * 365,
    now: clock.ms / 1000,
  });
  const url = `http://sim.local/v4/call_engine_http_srv/start_call_by_robot?sdkappid=${APP}&identifier=administrator&usersig=${userSig}&random=1&contenttype=json`;
  let ok = 0;
  let refused = 0;
  const start = async (i) => {
    const callee = i % 2 ? `sim-rejects-${i}` : `callee-${i}`;
    const body = JSON.stringify({
      Robot_Account: "robot",
      CalleeList_Account: [callee],
      Timeout: 10_000,
      CallInfo: { MediaType: "Audio" },
    });
    const answer = await (await sim.handle(new Request(url, { method: "POST", body }))).json();
    if (answer.ErrorCode === 0) ok += 1;
    else refused += 1;
    clock.ms += 100;
  };
  for (let i = 0; i < 200; i++) await start(-1 - i); // warm-up: modules, statements, JIT
  ok = 0;
  refused = 0;
  const before = reading();
  const began = performance.now();
  console.log(`\n${label}: ${STARTS} starts`);
  console.log(`  before        RSS ${mb(before.rss)}, heap ${mb(before.heapUsed)}`);
  for (let i = 0; i < STARTS; i++) {
    await start(i);
    if ((i + 1) % (STARTS / 4) === 0 && i + 1 < STARTS) {
      const r = reading();
      console.log(`  after ${String(i + 1).padEnd(7)} RSS ${mb(r.rss)}, heap ${mb(r.heapUsed)}`);
    }
  }
  const seconds = (performance.now() - began) / 1000;
  const after = reading();
  console.log(`  after ${String(STARTS).padEnd(7)} RSS ${mb(after.rss)}, heap ${mb(after.heapUsed)}`);
  console.log(
    `  RSS ${after.rss >= before.rss ? "+" : ""}${mb(after.rss - before.rss)}, heap ${after.heapUsed >= before.heapUsed ? "+" : ""}${mb(after.heapUsed - before.heapUsed)}; ` +
      `${ok} started, ${refused} refused, ${(STARTS / seconds).toFixed(0)} starts/s; calls stored (warm-up included): ${await countRows()}`,
  );
}

const dir = mkdtempSync(path.join(tmpdir(), "sim-memory-"));
console.log(`Node ${process.version}, SIM_STARTS=${STARTS}`);
try {
  const sqlite = await openMigratedDb(`file:${path.join(dir, "console.db")}`);
  const rows = async (db) =>
    Number(
      (
        await db
          .selectFrom("sim_calls")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  await run(
    "SQLite (database store, as the console)",
    databaseSimStore(async () => sqlite),
    () => rows(sqlite.db),
  );
  await sqlite.db.destroy();

  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (adminUrl) {
    const name = `sim_memory_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const postgres = await openMigratedDb(url.toString());
    try {
      await run(
        "PostgreSQL (database store, as the console)",
        databaseSimStore(async () => postgres),
        () => rows(postgres.db),
      );
    } finally {
      await postgres.db.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    }
  }

  const memory = new MemorySimStore();
  await run("In-memory store (unit tests only; for contrast)", memory, async () => memory.size);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
