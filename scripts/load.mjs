/**
 * npm run load: two console instances on one fresh PostgreSQL database, 1,000
 * starts through the start-call server action, 100 at a time, split between
 * them, against a local stand-in gateway; then the same with one instance
 * killed (SIGKILL) mid-burst, counting how many accepted starts history holds.
 * Loopback only; bounded; stops everything it started.
 *
 * The session is made the way sign-in makes one (a random token, its SHA-256
 * stored in `sessions`) for the admin that CONSOLE_ADMIN_* create at start:
 * the sign-in form is not what is measured here.
 */
import { spawn, execFileSync } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const STARTS = Number(process.env.LOAD_STARTS ?? 1000);
const WAVE = Number(process.env.LOAD_WAVE ?? 100);
const PORTS = [Number(process.env.LOAD_PORT_A ?? 3311), Number(process.env.LOAD_PORT_B ?? 3312)];
const ADMIN = { email: "load@example.test", password: "load-test-password-0123" };
const cleanup = [];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const pct = (values, share) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? NaN;
};

/** The stand-in gateway: answers every start with success after `delayMs`, and counts them. */
function startGateway() {
  const state = { hits: 0, delayMs: 20 };
  const server = createServer((req, res) => {
    state.hits += 1;
    const n = state.hits;
    req.resume();
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          ActionStatus: "OK",
          ErrorCode: 0,
          ErrorInfo: "",
          RequestId: `Id-${randomBytes(16).toString("hex")}-O-Seq-${n}`,
          Response: { CallId: `load-${n}`, CallResult: [] },
        }),
      );
    }, state.delayMs);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, state, port: server.address().port })));
}

function startInstance(port, env) {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const instance = { port, child, alive: true, stderr: () => stderr };
  child.on("exit", () => (instance.alive = false));
  cleanup.push(() => instance.alive && process.kill(-child.pid, "SIGTERM"));
  return instance;
}

async function waitHealthy(instance) {
  for (let i = 0; i < 240; i++) {
    if (!instance.alive) throw new Error(`instance on ${instance.port} exited:\n${instance.stderr()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${instance.port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`instance on ${instance.port} did not become healthy`);
}

function actionId(exportedName, file) {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8"));
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName && entry.filename === file);
  if (!found) throw new Error(`${file}#${exportedName} is not in the build`);
  return found[0];
}

async function callAction(port, id, page, cookie, input) {
  const started = performance.now();
  try {
    const response = await fetch(`http://127.0.0.1:${port}${page}`, {
      method: "POST",
      headers: {
        "Next-Action": id,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: `http://127.0.0.1:${port}`,
        Cookie: cookie,
      },
      body: JSON.stringify([input]),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    const status = /"status":"sent"/.test(text) ? "sent" : /"status":"confirm"/.test(text) ? "confirm" : "error";
    return { status, ms: performance.now() - started, text: status === "error" ? `${response.status} ${text.slice(0, 300)}` : "" };
  } catch (error) {
    return { status: "error", ms: performance.now() - started, text: String(error) };
  }
}

/** Sends `total` starts, `WAVE` at a time, alternating instances; `onWave` runs before each wave. */
async function burst(label, instances, send, total, onWave) {
  const results = [];
  const started = performance.now();
  for (let wave = 0; wave * WAVE < total; wave++) {
    await onWave?.(wave);
    const batch = Array.from({ length: Math.min(WAVE, total - wave * WAVE) }, (_, i) => {
      const n = wave * WAVE + i;
      const instance = instances[n % instances.length];
      const token = randomUUID();
      return send(instance, `${label}-${n}`, token).then((r) => results.push({ ...r, token, port: instance.port }));
    });
    await Promise.all(batch);
  }
  return { results, seconds: (performance.now() - started) / 1000 };
}

function summary(title, run, extra) {
  const by = (s) => run.results.filter((r) => r.status === s);
  const accepted = by("sent");
  console.log(`\n== ${title}`);
  console.log(
    `starts sent to the console: ${run.results.length}, accepted (sent): ${accepted.length}, asked to confirm: ${by("confirm").length}, errors: ${by("error").length}`,
  );
  console.log(`throughput: ${(run.results.length / run.seconds).toFixed(1)} starts/s over ${run.seconds.toFixed(1)} s`);
  console.log(
    `latency of accepted starts: p50 ${pct(
      accepted.map((r) => r.ms),
      0.5,
    ).toFixed(0)} ms, p95 ${pct(
      accepted.map((r) => r.ms),
      0.95,
    ).toFixed(0)} ms`,
  );
  for (const line of extra) console.log(line);
  const firstError = by("error")[0];
  if (firstError) console.log(`first error: ${firstError.text}`);
}

async function main() {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.log("==> next build (no build found)");
    execFileSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, stdio: "inherit" });
  }
  const adminUrl =
    process.env.TEST_POSTGRES_URL || execFileSync("bash", [path.join(ROOT, "scripts/postgres-up.sh")], { encoding: "utf8" }).trim();
  const dbName = `console_load_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  cleanup.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const db = new pg.Client({ connectionString: url.toString() });

  const gateway = await startGateway();
  cleanup.push(() => new Promise((resolve) => gateway.server.close(resolve)));
  const dataDir = mkdtempSync(path.join(tmpdir(), "console-load-"));
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = {
    DATABASE_URL: url.toString(),
    CONSOLE_SECRET: randomBytes(32).toString("hex"),
    CONSOLE_ADMIN_EMAIL: ADMIN.email,
    CONSOLE_ADMIN_PASSWORD: ADMIN.password,
    DATA_DIR: dataDir,
    REQUEST_TIMEOUT_MS: "5000",
    // The stand-in gateway is plain http on loopback: the outbound policy refuses that unless named here.
    OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${gateway.port}`,
  };
  console.log(`==> two instances on 127.0.0.1:${PORTS.join(" and :")}, one PostgreSQL database (${dbName}), gateway on :${gateway.port}`);
  const instances = PORTS.map((port) => startInstance(port, env));
  await Promise.all(instances.map(waitHealthy));
  await db.connect();
  cleanup.push(() => db.end());
  db.on("error", () => undefined);

  const user = await db.query("select id from users where email = $1", [ADMIN.email]);
  const token = randomBytes(32).toString("base64url");
  const at = new Date();
  await db.query("insert into sessions values ($1, $2, $3, $3, $4, '127.0.0.1', 'load')", [
    createHash("sha256").update(token).digest("hex"),
    user.rows[0].id,
    at.toISOString(),
    new Date(at.getTime() + 3_600_000).toISOString(),
  ]);
  const cookie = `cec_session=${token}`;

  const created = await callAction(PORTS[0], actionId("createProfileAction", "app/admin/profiles/actions.ts"), "/admin/profiles", cookie, {
    fields: {
      name: "Load gateway",
      sdkAppId: "1400777777",
      adminIdentifier: "administrator",
      destination: "baseUrl",
      baseUrl: `http://127.0.0.1:${gateway.port}`,
    },
    secretKey: "load-gateway-secret-key-0123456789abcdef",
  });
  const profile = await db.query("select id from profiles where name = 'Load gateway'");
  if (!profile.rows[0]) throw new Error(`the gateway profile was not created: ${created.text}`);
  const profileId = profile.rows[0].id;
  const startId = actionId("startCallAction", "app/calls/new/actions.ts");
  const send = (instance, callee, clientToken) =>
    instance.alive
      ? callAction(instance.port, startId, "/calls/new", cookie, {
          profileId,
          clientToken,
          body: { Robot_Account: "load_robot", CalleeList_Account: [callee], Timeout: 30000, CallInfo: { MediaType: "Audio" } },
        })
      : Promise.resolve({ status: "error", ms: 0, text: "instance killed" });

  // 1. Both instances up.
  const before = gateway.state.hits;
  const one = await burst("a", instances, send, STARTS);
  const rows = await db.query(
    "select count(*)::int n, count(*) filter (where outcome = 'pending')::int pending from requests where callees like '%\"a-%'",
  );
  summary("two instances, 1,000 starts, 100 at a time", one, [
    `rows written: ${rows.rows[0].n} (pending: ${rows.rows[0].pending}); reached the gateway: ${gateway.state.hits - before}; duplicates (rows beyond one per accepted start): ${rows.rows[0].n - one.results.filter((r) => r.status === "sent").length}`,
  ]);

  // 2. Instance B killed with SIGKILL at the start of the middle wave, while its starts wait on a slower gateway.
  gateway.state.delayMs = 300;
  const victim = instances[1];
  const two = await burst("b", instances, send, STARTS, async (wave) => {
    if (wave !== Math.floor(STARTS / WAVE / 2)) return;
    // Killed once a quarter of this wave has reached the gateway: some of its starts are then in flight.
    const base = gateway.state.hits;
    void (async () => {
      for (let i = 0; i < 2000 && gateway.state.hits - base < WAVE / 4; i++) await sleep(10);
      if (victim.alive) process.kill(-victim.child.pid, "SIGKILL");
    })();
  });
  const tokens = two.results.map((r) => r.token);
  const stored = await db.query("select client_token, outcome from requests where client_token = any($1::text[])", [tokens]);
  const outcomeOf = new Map(stored.rows.map((r) => [r.client_token, r.outcome]));
  const accepted = two.results.filter((r) => r.status === "sent");
  const acceptedInHistory = accepted.filter((r) => outcomeOf.has(r.token)).length;
  const unanswered = stored.rows.filter((r) => r.outcome === "pending").length;
  const lostReplies = two.results.filter((r) => r.status === "error" && outcomeOf.has(r.token)).length;
  summary("the same with instance B killed (SIGKILL) mid-burst", two, [
    `accepted starts in history: ${acceptedInHistory} of ${accepted.length} (answered: ${accepted.filter((r) => outcomeOf.get(r.token) && outcomeOf.get(r.token) !== "pending").length})`,
    `rows written in this burst: ${stored.rows.length}; without an answer (shown as "outcome unknown" once the timeout and margin pass): ${unanswered}`,
    `starts whose reply was lost with the instance but which are in history: ${lostReplies}`,
    `starts refused because their instance was down (a proxy would send them to the other): ${two.results.filter((r) => r.status === "error" && !outcomeOf.has(r.token)).length}`,
  ]);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const step of cleanup.reverse()) {
      try {
        await step();
      } catch {
        // keep stopping the rest
      }
    }
  });
