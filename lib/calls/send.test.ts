import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openMigratedDb } from "@/lib/db/connection";
import { createProfile } from "@/lib/db/profiles";
import type { Database } from "@/lib/db/schema";
import { encryptSecret, keyFingerprint } from "@/lib/secrets";
import { COMMANDS } from "@/lib/tencent/commands";
import { decodeUserSig } from "@/lib/tencent/usersig";
import { ProfileError, ensureBuiltInProfiles } from "./profiles";
import { SIMULATOR_PROFILE_ID, runtime } from "./runtime";
import { sendCommand } from "./send";

const SECRET_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
let db: Kysely<Database>;
let server: Server;
let profileId: string;
const seen: { random: string; usersig: string; pendingAtArrival: boolean }[] = [];

beforeAll(async () => {
  vi.stubEnv("DATA_DIR", path.join(mkdtempSync(path.join(tmpdir(), "console-send-")), "data"));
  vi.stubEnv("CONSOLE_SECRET", "send-test-console-secret-0123456789abcdef");
  vi.stubEnv("REQUEST_TIMEOUT_MS", "2000");
  db = (await openMigratedDb("file::memory:")).db;
  await ensureBuiltInProfiles(db);

  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const random = url.searchParams.get("random") ?? "";
    // The attempt must already be in history, pending, when the request arrives.
    const row = await db.selectFrom("requests").select(["outcome"]).where("random", "=", Number(random)).executeTakeFirst();
    seen.push({ random, usersig: url.searchParams.get("usersig") ?? "", pendingAtArrival: row?.outcome === "pending" });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        ActionStatus: "OK",
        ErrorCode: 0,
        ErrorInfo: "",
        RequestId: `Id-${"a".repeat(32)}-O-Seq-${seen.length}`,
        Response: { CallId: "call-x" },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  profileId = await createProfile(db, {
    name: "Local",
    kind: "custom",
    sdk_app_id: 1400555555,
    admin_identifier: "administrator",
    region: null,
    base_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    secret_key_enc: encryptSecret(runtime().masterKey, SECRET_KEY),
    key_fingerprint: keyFingerprint(SECRET_KEY),
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.destroy();
  vi.unstubAllEnvs();
});

describe("sendCommand", () => {
  it("writes the attempt before sending, signs for the profile, and records the outcome", async () => {
    const result = await sendCommand(db, { profileId, command: COMMANDS.getCallInfo, body: { CallId: "c" } });
    const arrival = seen[seen.length - 1];
    expect(arrival?.pendingAtArrival).toBe(true);
    expect(decodeUserSig(arrival?.usersig ?? "")).toMatchObject({ sdkAppId: 1400555555, identifier: "administrator" });
    expect(result.entry).toMatchObject({ outcome: "ok", request_id: expect.stringMatching(/^Id-a+/), random: Number(arrival?.random) });
    const stored = await db.selectFrom("requests").selectAll().where("id", "=", result.entry.id).executeTakeFirstOrThrow();
    expect(stored.outcome).toBe("ok");
    expect(stored.url).toContain("usersig=<USERSIG>");
    expect(JSON.stringify(stored)).not.toContain(arrival?.usersig);
    expect(JSON.stringify(stored)).not.toContain(SECRET_KEY);
  });

  it("sends a submission token once: the second call returns the first attempt", async () => {
    const before = seen.length;
    const first = await sendCommand(db, { profileId, command: COMMANDS.endCall, body: { CallId: "c" }, clientToken: "tok-1" });
    const second = await sendCommand(db, { profileId, command: COMMANDS.endCall, body: { CallId: "c" }, clientToken: "tok-1" });
    expect(seen.length).toBe(before + 1);
    expect(second).toMatchObject({ duplicate: true, entry: { id: first.entry.id } });
  });

  it("reports the outcome even when it cannot be written back", async () => {
    // The first transaction writes the pending attempt; the second (outcome and rollup) fails.
    const original = db.transaction.bind(db);
    let transactions = 0;
    const spy = vi.spyOn(db, "transaction").mockImplementation(() => {
      transactions += 1;
      if (transactions === 2) throw new Error("disk full");
      return original();
    });
    try {
      const result = await sendCommand(db, { profileId, command: COMMANDS.getCallInfo, body: { CallId: "d" } });
      expect(result.unrecorded).toBe(true);
      expect(result.entry).toMatchObject({ outcome: "ok", call_id: "call-x" });
      const stored = await db.selectFrom("requests").select("outcome").where("id", "=", result.entry.id).executeTakeFirstOrThrow();
      expect(stored.outcome).toBe("pending");
    } finally {
      spy.mockRestore();
    }
  });

  it("reaches the built-in simulator in-process", async () => {
    const result = await sendCommand(db, {
      profileId: SIMULATOR_PROFILE_ID,
      command: COMMANDS.startCallByRobot,
      body: { Robot_Account: "r", CalleeList_Account: ["a"], Timeout: 30000, CallInfo: { MediaType: "Audio" } },
    });
    expect(result.entry).toMatchObject({ outcome: "ok", callResult: [{ Callee_Account: "a", ResultCode: 0 }] });
  });

  it("refuses a profile whose key cannot be decrypted, sending nothing", async () => {
    const broken = await createProfile(db, {
      name: "Broken",
      kind: "custom",
      sdk_app_id: 1,
      admin_identifier: "administrator",
      region: "china",
      base_url: null,
      secret_key_enc: "v1:AAAA:BBBB:CCCC",
      key_fingerprint: "…0000",
    });
    const count = async () =>
      Number(
        (
          await db
            .selectFrom("requests")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(sendCommand(db, { profileId: broken, command: COMMANDS.getCallInfo, body: {} })).rejects.toThrow(ProfileError);
    await expect(sendCommand(db, { profileId: "no-such-profile", command: COMMANDS.getCallInfo, body: {} })).rejects.toThrow(
      /no longer exists/,
    );
    expect(await count()).toBe(before);
  });
});
