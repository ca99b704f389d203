/**
 * Backup domains, on loopback only: each region's primary and backup point at
 * local servers (TENCENT_REGION_URLS, TENCENT_BACKUP_URLS), so no test
 * resolves a Tencent domain. A refused connection is a closed local port.
 */
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openMigratedDb } from "@/lib/db/connection";
import { createProfile, getProfileSummary } from "@/lib/db/profiles";
import { getRequest } from "@/lib/db/requests";
import type { Database } from "@/lib/db/schema";
import { encryptSecret, keyFingerprint } from "@/lib/secrets";
import { COMMANDS } from "@/lib/tencent/commands";
import { updateCustomProfile } from "./profile-admin";
import { probeRegions } from "./region-finder";
import { runtime } from "./runtime";
import { sendCommand } from "./send";

const SECRET_KEY = "3f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
const actor = { user: { id: "u1", email: "admin@example.test" }, ip: null };
const start = { Robot_Account: "robot", CalleeList_Account: ["alice"], Timeout: 30000, CallInfo: { MediaType: "Audio" as const } };
let db: Kysely<Database>;
const servers: Server[] = [];
/** Requests each local server received, by name. */
const hits: Record<string, number> = {};

const ok = { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", RequestId: `Id-${"c".repeat(32)}-O-Seq-1` };
type Behaviour = "answer" | "reset" | "wrong-region";

async function serve(name: string, behaviour: Behaviour): Promise<string> {
  const server = createServer((req, res) => {
    hits[name] = (hits[name] ?? 0) + 1;
    req.resume();
    if (behaviour === "reset") return req.socket.destroy();
    res.writeHead(200, { "content-type": "application/json" });
    const wrong = { ActionStatus: "FAIL", ErrorCode: 60026, ErrorInfo: "wrong data centre", RequestId: ok.RequestId };
    const isStart = (req.url ?? "").includes("start_call_by_robot");
    res.end(
      JSON.stringify(
        behaviour === "wrong-region"
          ? wrong
          : { ...ok, ...(isStart ? { Response: { CallId: "call-1" } } : { Response: { TotalNum: 0, Page: 0, CallRecordList: [] } }) },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A loopback port nothing listens on: connecting is refused. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const profile = (name: string, region: string, use_backup = 0) =>
  createProfile(db, {
    name,
    kind: "custom",
    sdk_app_id: 1400888888,
    admin_identifier: "administrator",
    region,
    base_url: null,
    use_backup,
    secret_key_enc: encryptSecret(runtime().masterKey, SECRET_KEY),
    key_fingerprint: keyFingerprint(SECRET_KEY),
  });

beforeAll(async () => {
  // china: refused primary, answering backup. seoul: primary resets the connection. jakarta: primary answers 60026.
  const primaries = {
    china: await closedPort(),
    seoul: await serve("seoul", "reset"),
    jakarta: await serve("jakarta", "wrong-region"),
    singapore: await serve("singapore", "wrong-region"),
    frankfurt: await closedPort(),
    "silicon-valley": await serve("silicon-valley", "wrong-region"),
  };
  const backups = {
    china: await serve("china-backup", "answer"),
    seoul: await serve("seoul-backup", "answer"),
    jakarta: await serve("jakarta-backup", "answer"),
    singapore: await serve("singapore-backup", "wrong-region"),
    frankfurt: await serve("frankfurt-backup", "answer"),
    "silicon-valley": await serve("silicon-valley-backup", "wrong-region"),
  };
  vi.stubEnv("DATA_DIR", path.join(mkdtempSync(path.join(tmpdir(), "console-backup-")), "data"));
  vi.stubEnv("CONSOLE_SECRET", "backup-test-console-secret-0123456789abcdef");
  // Local gateways are loopback addresses: the outbound policy lets the console reach them only when allowed.
  vi.stubEnv("OUTBOUND_ALLOW_HOSTS", "127.0.0.1");
  vi.stubEnv("TENCENT_REGION_URLS", JSON.stringify(primaries));
  vi.stubEnv("TENCENT_BACKUP_URLS", JSON.stringify(backups));
  db = (await openMigratedDb("file::memory:")).db;
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  await db.destroy();
  vi.unstubAllEnvs();
});

describe("backup domains", () => {
  it("when the primary refuses the connection, sends once to the backup and records both attempts, linked", async () => {
    const id = await profile("China", "china");
    const result = await sendCommand(db, { profileId: id, command: COMMANDS.startCallByRobot, body: start });
    expect(result.entry).toMatchObject({ outcome: "ok", call_id: "call-1", retry_of: expect.any(String) });
    expect(hits["china-backup"]).toBe(1);
    const first = await getRequest(db, result.entry.retry_of ?? "");
    expect(first).toMatchObject({ outcome: "network-error", command: COMMANDS.startCallByRobot, retry_of: null });
    expect(first?.detail).toMatch(/^ECONNREFUSED/);
    expect(result.entry.base_url).not.toBe(first?.base_url);
  });

  it("never resends a start after a reset or an answer", async () => {
    const reset = await sendCommand(db, { profileId: await profile("Seoul", "seoul"), command: COMMANDS.startCallByRobot, body: start });
    expect(reset.entry).toMatchObject({ outcome: "network-error", retry_of: null });
    expect(hits.seoul).toBe(1);
    expect(hits["seoul-backup"] ?? 0).toBe(0);
    const answered = await sendCommand(db, {
      profileId: await profile("Jakarta", "jakarta"),
      command: COMMANDS.startCallByRobot,
      body: start,
    });
    expect(answered.entry).toMatchObject({ outcome: "api-error", error_code: 60026, retry_of: null });
    expect(hits["jakarta-backup"] ?? 0).toBe(0);
  });

  it("a profile set to use the backup domain sends there first", async () => {
    const id = await profile("Seoul via backup", "seoul");
    await updateCustomProfile(
      db,
      id,
      {
        name: "Seoul via backup",
        sdkAppId: 1400888888,
        adminIdentifier: "administrator",
        destination: "region",
        region: "seoul",
        useBackup: true,
      },
      actor,
    );
    expect((await getProfileSummary(db, id))?.use_backup).toBe(1);
    const before = hits.seoul ?? 0;
    const result = await sendCommand(db, { profileId: id, command: COMMANDS.startCallByRobot, body: start });
    expect(result.entry).toMatchObject({ outcome: "ok", retry_of: null });
    expect(hits.seoul ?? 0).toBe(before);
  });

  it("the wrong-region finder probes every backup domain too", async () => {
    const id = await profile("Finder", "singapore");
    const failed = await sendCommand(db, { profileId: id, command: COMMANDS.getRecordByFilter, body: {} });
    const probes = await probeRegions(db, failed.entry.id, actor);
    const byRegion = Object.fromEntries(probes.map((p) => [p.region, p]));
    // Frankfurt's primary is unreachable; only its backup shows that it knows the app.
    expect(byRegion.frankfurt).toMatchObject({ outcome: "network-error", knowsApp: true, backup: { outcome: "ok", knowsApp: true } });
    expect(byRegion.singapore).toMatchObject({ knowsApp: false, backup: { outcome: "api-error", errorCode: 60026 } });
    expect(byRegion.china?.backup.domain).toBe("adminapi.my-imcloud.com");
    // Probes are never resent: each is one attempt in history.
    const entries = await Promise.all(probes.flatMap((p) => [p.historyId, p.backup.historyId]).map((h) => getRequest(db, h)));
    expect(entries.every((e) => e?.retry_of === null)).toBe(true);
    expect(entries).toHaveLength(12);
  });
});
