import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
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
/** The `Response` the local server answers with, per command; a test may replace it. */
const callInfo = { CallInfo: { CallId: "call-x", MediaType: "Audio", RoomId: 123, Extra: true }, UserList: [], Unknown: 1 };
let answer: (command: string) => unknown = (command) => (command.endsWith("get_call_info") ? callInfo : undefined);

beforeAll(async () => {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "console-send-")), "data");
  vi.stubEnv("DATA_DIR", dataDir);
  // The built-in simulator keeps its calls in the console's database (its own, not the test's `db`).
  vi.stubEnv("DATABASE_URL", `file:${dataDir}/console.db`);
  vi.stubEnv("CONSOLE_SECRET", "send-test-console-secret-0123456789abcdef");
  vi.stubEnv("REQUEST_TIMEOUT_MS", "3000");
  // The local test server is a loopback address: the outbound policy lets the console reach it only when allowed.
  vi.stubEnv("OUTBOUND_ALLOW_HOSTS", "127.0.0.1");
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
        Response: answer(url.pathname),
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

  it("returns the typed Response, read with the command's schema", async () => {
    const result = await sendCommand(db, { profileId, command: COMMANDS.getCallInfo, body: { CallId: "call-x" } });
    expect(result.entry).toMatchObject({ outcome: "ok", call_id: "call-x" });
    expect(result.response?.CallInfo).toMatchObject({ CallId: "call-x", RoomId: "123" });
    expect(result.response?.UserList).toEqual([]);
  });

  it("records an answer with ErrorCode 0 whose Response does not fit as bad-response, naming the fields", async () => {
    const previous = answer;
    answer = () => ({ CallInfo: { MediaType: "Audio" }, UserList: "nobody" });
    try {
      const result = await sendCommand(db, { profileId, command: COMMANDS.getCallInfo, body: { CallId: "call-y" } });
      expect(result.response).toBeNull();
      expect(result.entry).toMatchObject({ outcome: "bad-response", error_code: 0, request_id: expect.stringMatching(/^Id-/) });
      expect(result.entry.detail).toMatch(/Response\.CallInfo\.CallId/);
      expect(result.entry.detail).toMatch(/Response\.UserList/);
      const stored = await db.selectFrom("requests").selectAll().where("id", "=", result.entry.id).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ outcome: "bad-response", detail: result.entry.detail });
    } finally {
      answer = previous;
    }
  });

  it("sends a submission token once: the second call returns the first attempt", async () => {
    const before = seen.length;
    const first = await sendCommand(db, { profileId, command: COMMANDS.endCall, body: { CallId: "c" }, clientToken: "tok-1" });
    const second = await sendCommand(db, { profileId, command: COMMANDS.endCall, body: { CallId: "c" }, clientToken: "tok-1" });
    expect(seen.length).toBe(before + 1);
    expect(second).toMatchObject({ duplicate: true, entry: { id: first.entry.id }, response: first.response });
  });

  it("reports the outcome even when it cannot be written back", async () => {
    // The first transaction writes the pending attempt; every later one (the outcome with its rollup, in its batch and then alone) fails.
    const original = db.transaction.bind(db);
    let transactions = 0;
    const spy = vi.spyOn(db, "transaction").mockImplementation(() => {
      transactions += 1;
      if (transactions >= 2) throw new Error("disk full");
      return original();
    });
    try {
      const result = await sendCommand(db, { profileId, command: COMMANDS.getCallInfo, body: { CallId: "d" } });
      expect(result.unrecorded).toBe(true);
      expect(result.entry).toMatchObject({ outcome: "ok", call_id: "call-x" });
      // The row does not stay pending: its outcome is written on its own, with a note saying the full answer could not be.
      const stored = await db
        .selectFrom("requests")
        .select(["outcome", "detail"])
        .where("id", "=", result.entry.id)
        .executeTakeFirstOrThrow();
      expect(stored.outcome).toBe("ok");
      expect(stored.detail).toMatch(/^the full answer could not be stored \(disk full\)/);
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

  it("refuses an internal address where it connects, and records the refusal in history like every attempt", async () => {
    const before = seen.length;
    for (const base_url of ["https://169.254.169.254", "https://0xa9.0xfe.43518", "https://[::1]", "http://localhost:1"]) {
      const internal = await createProfile(db, {
        name: `Internal ${base_url}`,
        kind: "custom",
        sdk_app_id: 1400555556,
        admin_identifier: "administrator",
        region: null,
        base_url,
        secret_key_enc: encryptSecret(runtime().masterKey, SECRET_KEY),
        key_fingerprint: keyFingerprint(SECRET_KEY),
      });
      const result = await sendCommand(db, { profileId: internal, command: COMMANDS.getRecordByFilter, body: {} });
      expect(result.entry.outcome, base_url).toBe("network-error");
      const stored = await db
        .selectFrom("requests")
        .select(["outcome", "detail"])
        .where("id", "=", result.entry.id)
        .executeTakeFirstOrThrow();
      expect(stored.detail, base_url).toMatch(/^refused by the outbound policy: the base URL must/);
    }
    expect(seen.length).toBe(before);
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
    await expect(sendCommand(db, { profileId: broken, command: COMMANDS.getCallInfo, body: { CallId: "c" } })).rejects.toThrow(
      ProfileError,
    );
    await expect(sendCommand(db, { profileId: "no-such-profile", command: COMMANDS.getCallInfo, body: { CallId: "c" } })).rejects.toThrow(
      /no longer exists/,
    );
    expect(await count()).toBe(before);
  });
});

// Signature-class answers drop the profile's cached UserSig (lib/tencent/error-catalog.ts, isSignatureError).
describe("sendCommand after a refused signature", () => {
  let sigServer: Server;
  let sigProfileId: string;
  const sigs: { usersig: string; callId: string }[] = [];

  beforeAll(async () => {
    sigServer = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const callId = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { CallId: string }).CallId;
        sigs.push({ usersig: new URL(req.url ?? "/", "http://x").searchParams.get("usersig") ?? "", callId });
        const errorCode = /^\d+$/.test(callId) ? Number(callId) : 0;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ActionStatus: errorCode ? "FAIL" : "OK", ErrorCode: errorCode, ErrorInfo: "", RequestId: "Id-sig" }));
      });
    });
    await new Promise<void>((resolve) => sigServer.listen(0, "127.0.0.1", resolve));
    sigProfileId = await createProfile(db, {
      name: "Signature checks",
      kind: "custom",
      sdk_app_id: 1400666666,
      admin_identifier: "administrator",
      region: null,
      base_url: `http://127.0.0.1:${(sigServer.address() as AddressInfo).port}`,
      secret_key_enc: encryptSecret(runtime().masterKey, SECRET_KEY),
      key_fingerprint: keyFingerprint(SECRET_KEY),
    });
  });

  afterAll(async () => {
    vi.useRealTimers();
    await new Promise<void>((resolve) => sigServer.close(() => resolve()));
  });

  // Each case starts from an empty cache, whatever the case before it signed.
  beforeEach(() => runtime().userSigs.clear());

  /** Sends with the clock at `at` (unix seconds); returns the issue time of the UserSig the server saw. */
  async function signedAt(at: number, callId: string): Promise<number> {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at * 1000);
    try {
      await sendCommand(db, { profileId: sigProfileId, command: COMMANDS.getCallInfo, body: { CallId: callId } });
    } finally {
      vi.useRealTimers();
    }
    const last = sigs[sigs.length - 1];
    expect(last?.callId).toBe(callId);
    return decodeUserSig(last?.usersig ?? "").time;
  }

  it.each([70001, 70003, 70009, 70052, 60004])("drops the cached UserSig after %i, so the next send signs a new one", async (code) => {
    const t = 1_900_000_000 + code;
    expect(await signedAt(t, "ok")).toBe(t);
    // Other answers keep the cached signature: the next send, 10 s later, reuses it.
    expect(await signedAt(t + 10, "ok")).toBe(t);
    expect(await signedAt(t + 20, String(code))).toBe(t);
    expect(await signedAt(t + 30, "ok")).toBe(t + 30);
  });

  it("keeps the cached UserSig after an answer that is not about the signature", async () => {
    const t = 1_950_000_000;
    expect(await signedAt(t, "ok")).toBe(t);
    expect(await signedAt(t + 10, "101004")).toBe(t);
    expect(await signedAt(t + 20, "ok")).toBe(t);
  });
});
