import { describe, expect, it } from "vitest";
import { prepareRequest, sendPrepared } from "@/lib/tencent/client";
import { COMMANDS, type Command } from "@/lib/tencent/commands";
import { genUserSig } from "@/lib/tencent/usersig";
import { planCall, RETENTION_MS } from "./calls";
import { CallEngineSimulator } from "./simulator";
import { MemorySimStore } from "./store";

const KEY = "store-test-key-0123456789";
const APP = 1400000001;
const T0 = 1_750_000_000_000;

/** Simulators sharing one store and one clock (ms), as console instances share a database. */
function instances(count: number, over: { maxLiveCalls?: number } = {}) {
  const store = new MemorySimStore();
  const clock = { ms: T0 };
  const sims = Array.from(
    { length: count },
    () => new CallEngineSimulator({ sdkAppId: APP, secretKey: KEY, now: () => Math.floor(clock.ms / 1000), store, ...over }),
  );
  async function call(sim: CallEngineSimulator, command: Command, body: unknown) {
    const now = Math.floor(clock.ms / 1000);
    const userSig = genUserSig({ sdkAppId: APP, secretKey: KEY, identifier: "administrator", expireSeconds: 86400, now });
    const prepared = prepareRequest({ baseUrl: "http://sim.local", command, sdkAppId: APP, identifier: "administrator", userSig, body });
    return sendPrepared(prepared, { fetchImpl: (input, init) => sim.handle(new Request(input, init)) });
  }
  const start = (sim: CallEngineSimulator, callees: string[], Timeout = 10_000) =>
    call(sim, COMMANDS.startCallByRobot, {
      Robot_Account: "robot",
      CalleeList_Account: callees,
      Timeout,
      CallInfo: { MediaType: "Audio" },
    });
  return { store, clock, sims, call, start };
}

describe("simulator state in a store shared by instances", () => {
  it("a call started through one instance is answered for by another, with no timer in either", async () => {
    const { clock, sims, call, start } = instances(2);
    const [a, b] = sims as [CallEngineSimulator, CallEngineSimulator];
    const CallId = (await start(a, ["sim-answers", "plain"])).callId ?? "";
    clock.ms += 2_000;
    expect((await call(b, COMMANDS.getCallInfo, { CallId })).response).toMatchObject({
      Response: { UserList: [{ User_Account: "robot" }, { User_Account: "sim-answers", Status: "Calling" }, { Status: "Waiting" }] },
    });
    expect(await call(b, COMMANDS.endCall, { CallId })).toMatchObject({ kind: "ok" });
    expect((await call(a, COMMANDS.endCall, { CallId })).errorCode).toBe(101004);
    expect((await call(a, COMMANDS.getRecordByCallId, { CallId })).errorCode).toBe(101050);
    clock.ms += 5_000;
    expect((await call(a, COMMANDS.getRecordByCallId, { CallId })).response).toMatchObject({
      Response: { CallRecord: { CallId, CallResult: "NormalEnd", AcceptTime: T0 / 1000 + 2, EndTime: T0 / 1000 + 2 } },
    });
  });

  it("refuses a start past the live-call limit with the console's labelled rule, and starts again once calls end", async () => {
    const { clock, sims, start } = instances(2, { maxLiveCalls: 2 });
    const [a, b] = sims as [CallEngineSimulator, CallEngineSimulator];
    expect((await start(a, ["x"])).kind).toBe("ok");
    expect((await start(b, ["y"])).kind).toBe("ok");
    const refused = await start(a, ["z"]);
    expect(refused).toMatchObject({ kind: "api-error", errorCode: 101001 });
    expect(refused.errorInfo).toMatch(/^Console's simulator limit \(not a Tencent rule, SIMULATOR_MAX_LIVE_CALLS\): at most 2 calls/);
    clock.ms += 10_000;
    expect((await start(b, ["z"])).kind).toBe("ok");
  });

  it("forgets calls past the 7-day retention, a bounded batch per sweep", async () => {
    const { store, clock, sims, start } = instances(1);
    const sim = sims[0] as CallEngineSimulator;
    for (let i = 0; i < 3; i++) expect((await start(sim, [`sim-rejects-${i}`])).kind).toBe("ok");
    expect(store.size).toBe(3);
    clock.ms += RETENTION_MS + 60_000;
    expect((await start(sim, ["sim-rejects"])).kind).toBe("ok");
    expect(store.size).toBe(1);
    expect(await store.deleteExpired(clock.ms, 1)).toBe(0);
  });
});

describe("planCall: the stored times of a call nobody hangs up", () => {
  const timings = { answerMs: 2_000, rejectMs: 1_000, recordDelayMs: 5_000, maxDurationMs: 60_000 };
  const plan = (callees: string[], timeoutMs = 10_000) =>
    planCall({ callId: "c", caller: "robot", callees, mediaType: "Audio", timeoutMs }, 0, timings);

  it.each([
    [["sim-rejects"], [[1_000, "sim-rejects", "Reject"]], 1_000, "Reject", null],
    [
      ["sim-rejects", "plain"],
      [
        [1_000, "sim-rejects", "Reject"],
        [10_000, "plain", "NotAnswer"],
      ],
      10_000,
      "NotAnswer",
      null,
    ],
    [
      ["sim-answers", "plain"],
      [
        [2_000, "sim-answers", "Answer"],
        [10_000, "plain", "NotAnswer"],
      ],
      62_000,
      "NormalEnd",
      2_000,
    ],
    [["sim-answers", "sim-answers"], [[2_000, "sim-answers", "Answer"]], 62_000, "NormalEnd", 2_000],
  ] as const)("%j", (callees, changes, endsAtMs, result, acceptMs) => {
    const planned = plan([...callees]);
    expect(planned.changes.map((c) => [c.atMs, c.account, c.action])).toEqual(changes);
    expect(planned).toMatchObject({ endsAtMs, result, acceptMs, recordAtMs: endsAtMs + 5_000 });
  });

  it("an answer after the Timeout never happens", () => {
    expect(plan(["sim-answers"], 1_500)).toMatchObject({ changes: [{ action: "NotAnswer" }], result: "NotAnswer", endsAtMs: 1_500 });
  });
});

describe("a store that cannot be reached", () => {
  it("answers each service's documented internal error, never a crash", async () => {
    const broken = new MemorySimStore();
    const outage = () => Promise.reject(new Error("database is down"));
    Object.assign(broken, { getCall: outage, insertCall: outage, getCallback: outage, records: outage, deleteExpired: outage });
    const sim = new CallEngineSimulator({ sdkAppId: APP, secretKey: KEY, now: () => T0 / 1000, store: broken });
    const userSig = genUserSig({ sdkAppId: APP, secretKey: KEY, identifier: "administrator", expireSeconds: 86400, now: T0 / 1000 });
    const send = (command: Command, body: unknown) =>
      sendPrepared(prepareRequest({ baseUrl: "http://sim.local", command, sdkAppId: APP, identifier: "administrator", userSig, body }), {
        fetchImpl: (input, init) => sim.handle(new Request(input, init)),
      });
    const startBody = { Robot_Account: "r", CalleeList_Account: ["a"], Timeout: 10_000, CallInfo: { MediaType: "Audio" } };
    expect((await send(COMMANDS.startCallByRobot, startBody)).errorCode).toBe(101001);
    expect((await send(COMMANDS.getRecordByFilter, {})).errorCode).toBe(101001);
    expect((await send(COMMANDS.getCallback, {})).errorCode).toBe(100001);
    expect((await send(COMMANDS.accountCheck, { CheckItem: [{ UserID: "a" }] })).errorCode).toBe(0);
  });
});
