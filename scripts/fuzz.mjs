#!/usr/bin/env node
// Runs the fuzz suite (every *.fuzz.test.ts) with many cases per target and prints
// the counts: FUZZ_RUNS (default 10000) and FUZZ_SEED (default: the suite's fixed seed).
// Bounded and loopback only, like every test. The PostgreSQL targets run on TEST_POSTGRES_URL,
// or on the cluster scripts/postgres-up.sh starts (as for `npm test`). Fails when any target
// ran fewer cases than asked (a property that failed stops its target early).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const runs = process.env.FUZZ_RUNS ?? "10000";
const report = path.join(mkdtempSync(path.join(tmpdir(), "fuzz-")), "report.jsonl");
const started = Date.now();
const result = spawnSync("node_modules/.bin/vitest", ["run", "--reporter=dot", ...process.argv.slice(2), "fuzz.test"], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_REPORT: report },
});
let lines = [];
try {
  lines = readFileSync(report, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
} catch {
  // no target finished
}
console.log(`\nfuzz: FUZZ_RUNS=${runs} FUZZ_SEED=${process.env.FUZZ_SEED ?? "(fixed default)"}`);
for (const { target, runs: n, accepted, ms } of lines) {
  console.log(
    `  ${target.padEnd(32)} ${String(n).padStart(7)} cases  ${String(accepted).padStart(7)} accepted  ${(ms / 1000).toFixed(1)} s`,
  );
}
console.log(`  total ${lines.reduce((sum, l) => sum + l.runs, 0)} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const short = lines.filter((l) => l.runs < Number(runs));
for (const { target, runs: n } of short) console.error(`fuzz: ${target} ran ${n} of ${runs} cases`);
process.exit(result.status || (lines.length === 0 || short.length > 0 ? 1 : 0));
