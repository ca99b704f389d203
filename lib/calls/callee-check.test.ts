import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openMigratedDb } from "@/lib/db/connection";
import { createProfile } from "@/lib/db/profiles";
import { getRequest } from "@/lib/db/requests";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { encryptSecret, keyFingerprint } from "@/lib/secrets";
import { COMMANDS } from "@/lib/tencent/commands";
import { checkCallees, resetCalleeCheckSlots } from "./callee-check";
import { ensureBuiltInProfiles } from "./profiles";
import { SIMULATOR_PROFILE_ID, runtime } from "./runtime";

const SECRET_KEY = "2f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
const actor = { user: { id: "u1", email: "op@example.test" }, ip: null };
let db: Kysely<Database>;
let server: Server;
let failingProfile: string;

beforeAll(async () => {
  vi.stubEnv("DATA_DIR", path.join(mkdtempSync(path.join(tmpdir(), "console-callee-check-")), "data"));
  vi.stubEnv("CONSOLE_SECRET", "callee-check-test-console-secret-0123456789");
  // Local gateways are loopback addresses: the outbound policy lets the console reach them only when allowed.
  vi.stubEnv("OUTBOUND_ALLOW_HOSTS", "127.0.0.1");
  db = (await openMigratedDb("file::memory:")).db;
  await ensureBuiltInProfiles(db);
  // A gateway that refuses every signature: the check must say why, not throw.
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ActionStatus: "FAIL", ErrorCode: 70009, ErrorInfo: "signature verification failed" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  failingProfile = await createProfile(db, {
    name: "Refuses",
    kind: "custom",
    sdk_app_id: 1400777777,
    admin_identifier: "administrator",
    region: null,
    base_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    secret_key_enc: encryptSecret(runtime().masterKey, SECRET_KEY),
    key_fingerprint: keyFingerprint(SECRET_KEY),
  });
});

beforeEach(() => resetCalleeCheckSlots());

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.destroy();
  vi.unstubAllEnvs();
});

describe("checkCallees", () => {
  it("tells not imported, offline and online apart, each request kept in history", async () => {
    const result = await checkCallees(
      db,
      { profileId: SIMULATOR_PROFILE_ID, userIds: ["sim-not-imported-1", "sim-offline-1", "alice", "alice"] },
      actor,
    );
    expect(result.callees).toEqual([
      { userId: "sim-not-imported-1", state: "not-imported" },
      { userId: "sim-offline-1", state: "offline" },
      { userId: "alice", state: "online" },
    ]);
    expect(result.problem).toBeNull();
    const entries = await Promise.all(result.historyIds.map((id) => getRequest(db, id)));
    expect(entries.map((e) => [e?.command, e?.outcome])).toEqual([
      [COMMANDS.accountCheck, "ok"],
      [COMMANDS.queryOnlineStatus, "ok"],
    ]);
    // Only the imported ones are asked about their status.
    expect(entries[1]?.requestBody).toEqual({ To_Account: ["sim-offline-1", "alice"] });
    // Shown with their callees, but a UserID search finds the calls, not every check.
    expect(entries[0]?.callees).toEqual(["sim-not-imported-1", "sim-offline-1", "alice"]);
    const indexed = await db.selectFrom("request_users").select("user_id").where("request_pk", "in", result.historyIds).execute();
    expect(indexed).toEqual([]);
  });

  it("checks at most once a second per profile", async () => {
    const now = 1_800_000_000_000;
    await checkCallees(db, { profileId: SIMULATOR_PROFILE_ID, userIds: ["alice"] }, actor, now);
    const again = checkCallees(db, { profileId: SIMULATOR_PROFILE_ID, userIds: ["bob"] }, actor, now + 500);
    await expect(again).rejects.toBeInstanceOf(AppError);
    await expect(again).rejects.toThrow(/less than a second ago/);
    // Another profile has its own slot; the same one is free a second later.
    await checkCallees(db, { profileId: failingProfile, userIds: ["bob"] }, actor, now + 500);
    const later = await checkCallees(db, { profileId: SIMULATOR_PROFILE_ID, userIds: ["bob"] }, actor, now + 1000);
    expect(later.callees).toEqual([{ userId: "bob", state: "online" }]);
  });

  it("a failed check leaves the states unknown and says why", async () => {
    const result = await checkCallees(db, { profileId: failingProfile, userIds: ["alice", "bob"] }, actor);
    expect(result.callees.map((c) => c.state)).toEqual(["unknown", "unknown"]);
    expect(result.problem).toEqual({ command: "im_open_login_svc/account_check", outcome: "api-error", errorCode: 70009 });
    expect(result.historyIds).toHaveLength(1);
  });

  it("refuses more than 100 callees at once", async () => {
    const userIds = Array.from({ length: 101 }, (_, i) => `u${i}`);
    await expect(checkCallees(db, { profileId: SIMULATOR_PROFILE_ID, userIds }, actor)).rejects.toThrow(/at most 100/);
  });
});
