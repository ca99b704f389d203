import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareRequest, sendPrepared } from "@/lib/tencent/client";
import { COMMANDS, type Command } from "@/lib/tencent/commands";
import { parseCallEvent } from "@/lib/tencent/webhooks";
import { genUserSig } from "@/lib/tencent/usersig";
import { CallEngineSimulator } from "./simulator";

const KEY = "callbacks-test-key-0123456789";
const APP = 1400000001;
const sim = new CallEngineSimulator({ sdkAppId: APP, secretKey: KEY, timings: { answerMs: 30, rejectMs: 30, recordDelayMs: 0 } });
const received: { query: URLSearchParams; body: string }[] = [];
let server: Server;
let receiver: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ query: new URL(req.url ?? "/", "http://x").searchParams, body });
      res.writeHead(200, { "content-type": "application/json" }).end('{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function call(command: Command, body: unknown) {
  const prepared = prepareRequest({
    baseUrl: "http://sim.local/simulator",
    command,
    sdkAppId: APP,
    identifier: "administrator",
    userSig: genUserSig({ sdkAppId: APP, secretKey: KEY, identifier: "administrator", expireSeconds: 600 }),
    body,
  });
  return sendPrepared(prepared, { fetchImpl: (input, init) => sim.handle(new Request(input, init)) });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe("simulator: webhook configuration and events", () => {
  it("posts only to the origins it is allowed (the console's own receiver)", async () => {
    const guarded = new CallEngineSimulator({ sdkAppId: APP, secretKey: KEY, callbackOrigins: ["http://127.0.0.1:3000"] });
    const prepared = prepareRequest({
      baseUrl: "http://sim.local/simulator",
      command: COMMANDS.setCallback,
      sdkAppId: APP,
      identifier: "administrator",
      userSig: genUserSig({ sdkAppId: APP, secretKey: KEY, identifier: "administrator", expireSeconds: 600 }),
      body: { Url: "http://169.254.169.254/latest", CallbackCommandList: ["Call.CallbackAfterEndCall"] },
    });
    const outcome = await sendPrepared(prepared, { fetchImpl: (input, init) => guarded.handle(new Request(input, init)) });
    expect(outcome).toMatchObject({ errorCode: 100002 });
    expect(outcome.errorInfo).toContain("only posts to this console");
  });

  it("set, get and delete the callback, with the documented errors", async () => {
    expect((await call(COMMANDS.getCallback, {})).errorCode).toBe(100301);
    expect((await call(COMMANDS.deleteCallback, {})).errorCode).toBe(100301);
    expect((await call(COMMANDS.setCallback, { Url: "ftp://x", CallbackCommandList: ["Call.CallbackAfterEndCall"] })).errorCode).toBe(
      100002,
    );
    expect((await call(COMMANDS.setCallback, { Url: receiver, CallbackCommandList: ["Call.Nope"] })).errorCode).toBe(100002);
    const all = ["Call.CallbackAfterStartCall", "Call.CallbackAfterMemberChanged", "Call.CallbackAfterEndCall"];
    expect((await call(COMMANDS.setCallback, { Url: receiver, CallbackCommandList: all })).kind).toBe("ok");
    expect((await call(COMMANDS.getCallback, {})).response).toMatchObject({ Response: { Url: receiver, CallbackCommandList: all } });
  });

  it("posts start, each member change and the end, in the documented shapes", async () => {
    const start = await call(COMMANDS.startCallByRobot, {
      Robot_Account: "robot",
      CalleeList_Account: ["sim-answers", "sim-rejects"],
      Timeout: 30000,
      CallInfo: { MediaType: "Audio" },
    });
    const callId = start.callId ?? "";
    await until(() => received.filter((r) => r.body.includes(callId)).length >= 3);
    await call(COMMANDS.endCall, { CallId: callId });
    await until(() => received.filter((r) => r.body.includes(callId)).length >= 4);
    const events = received.filter((r) => r.body.includes(callId));
    expect(events.every((e) => e.query.get("SdkAppid") === String(APP) && e.query.get("contenttype") === "json")).toBe(true);
    // Like the documented samples, each body names its CallbackCommand, the same as the query's.
    expect(events.map((e) => (JSON.parse(e.body) as { CallbackCommand?: string }).CallbackCommand)).toEqual(
      events.map((e) => e.query.get("CallbackCommand")),
    );
    const parsed = events.map((e) => parseCallEvent(e.query.get("CallbackCommand") ?? "", e.body));
    expect(parsed.map((p) => p.problems)).toEqual([[], [], [], []]);
    expect(parsed[0]).toMatchObject({ kind: "started", callId, mediaType: "Audio" });
    expect(
      parsed
        .slice(1, 3)
        .flatMap((p) => p.changes)
        .sort((a, b) => a.account.localeCompare(b.account)),
    ).toEqual([
      { account: "sim-answers", action: "Answer" },
      { account: "sim-rejects", action: "Reject" },
    ]);
    expect(parsed[3]).toMatchObject({ kind: "ended", callId, callResult: "NormalEnd" });

    expect((await call(COMMANDS.deleteCallback, {})).kind).toBe("ok");
    const before = received.length;
    const quietStart = { Robot_Account: "robot", CalleeList_Account: ["x"], Timeout: 30000, CallInfo: { MediaType: "Audio" } };
    const unposted = (await call(COMMANDS.startCallByRobot, quietStart)).callId;
    expect(unposted).toBeTruthy();
    // A marker: once the callback is set again, the next start is posted; the unposted one, started before it, never is.
    expect((await call(COMMANDS.setCallback, { Url: receiver, CallbackCommandList: ["Call.CallbackAfterStartCall"] })).kind).toBe("ok");
    const marker = (await call(COMMANDS.startCallByRobot, quietStart)).callId;
    await until(() => received.some((r) => marker !== null && r.body.includes(marker)));
    expect(received.slice(before).filter((r) => r.body.includes(unposted ?? "unposted"))).toHaveLength(0);
    expect(received.slice(before).every((r) => marker !== null && r.body.includes(marker))).toBe(true);
  });
});
