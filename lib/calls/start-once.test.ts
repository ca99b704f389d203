import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createProfile } from "@/lib/db/profiles";
import { encryptSecret, keyFingerprint } from "@/lib/secrets";
import { startCallBodySchema } from "@/lib/tencent/schemas/start-call";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { runtime } from "./runtime";
import { DUPLICATE_WINDOW_MINUTES, startCallOnce, type StartOnceResult } from "./start-call";

const SECRET_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
const operator = { id: "u1", email: "ops@example.com" };
const body = (robot: string, callees: string[]) =>
  startCallBodySchema.parse({ Robot_Account: robot, CalleeList_Account: callees, Timeout: 30000, CallInfo: { MediaType: "Audio" } });

let server: Server;
let hits = 0;

beforeAll(async () => {
  vi.stubEnv("DATA_DIR", path.join(mkdtempSync(path.join(tmpdir(), "console-once-")), "data"));
  vi.stubEnv("CONSOLE_SECRET", "start-once-test-secret-0123456789abcdef");
  vi.stubEnv("REQUEST_TIMEOUT_MS", "5000");
  // The local gateway is a loopback address: the outbound policy lets the console reach it only when allowed.
  vi.stubEnv("OUTBOUND_ALLOW_HOSTS", "127.0.0.1");
  // A stand-in gateway on loopback that answers every start with success and counts them.
  server = createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        ActionStatus: "OK",
        ErrorCode: 0,
        ErrorInfo: "",
        RequestId: `Id-${hits.toString(16).padStart(32, "0")}-O-Seq-${hits}`,
        Response: { CallId: `call-${hits}`, CallResult: [] },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  vi.unstubAllEnvs();
});

describe.each(DIALECTS)("the duplicate-start guard on $name", (dialect) => {
  let t: TestDatabase;
  let profileId: string;
  beforeAll(async () => {
    t = await dialect.open();
    profileId = await createProfile(t.db, {
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
  afterAll(async () => t.close());

  const start = (callees: string[], options: { token?: string; confirm?: boolean; now?: Date } = {}) =>
    startCallOnce(
      t.db,
      { profileId, body: body("robot", callees), clientToken: options.token ?? randomUUID(), operator },
      { confirmDuplicate: options.confirm ?? false, now: options.now },
    );
  const sentId = (r: StartOnceResult) => (r.status === "sent" ? r.result.entry.id : null);

  it("sends exactly one of 20 identical starts arriving together; the others ask, pointing at it", async () => {
    const before = hits;
    const results = await Promise.all(Array.from({ length: 20 }, () => start(["alice", "bob"])));
    const sent = results.filter((r) => r.status === "sent");
    const confirms = results.filter((r) => r.status === "confirm");
    expect(sent).toHaveLength(1);
    expect(confirms).toHaveLength(19);
    expect(hits - before).toBe(1);
    const winner = sentId(sent[0] as StartOnceResult);
    for (const r of confirms) expect(r).toMatchObject({ previous: { id: winner }, windowMinutes: DUPLICATE_WINDOW_MINUTES });
    const rows = await t.db.selectFrom("requests").select("id").where("robot_account", "=", "robot").execute();
    expect(rows).toHaveLength(1);
  });

  it("treats the callees in any order as the same start, and another set as a different one", async () => {
    expect((await start(["bob", "alice"])).status).toBe("confirm");
    expect((await start(["carol"])).status).toBe("sent");
  });

  it("sends a confirmed start, which then becomes the one later starts are asked about", async () => {
    const confirmed = await start(["alice", "bob"], { confirm: true });
    expect(confirmed.status).toBe("sent");
    expect(await start(["alice", "bob"])).toMatchObject({ status: "confirm", previous: { id: sentId(confirmed) } });
  });

  it("returns the first attempt of a resubmitted form unsent", async () => {
    const token = randomUUID();
    const first = await start(["dave"], { token });
    const before = hits;
    const again = await start(["dave"], { token });
    expect(again).toMatchObject({ status: "sent", result: { duplicate: true, entry: { id: sentId(first) } } });
    expect(hits).toBe(before);
  });

  it("sends again once the window has passed", async () => {
    const later = new Date(Date.now() + (DUPLICATE_WINDOW_MINUTES * 60 + 1) * 1000);
    expect((await start(["alice", "bob"], { now: later })).status).toBe("sent");
    expect((await start(["alice", "bob"], { now: later })).status).toBe("confirm");
  });
});
