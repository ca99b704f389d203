import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallEngineSimulator } from "@/lib/simulator/simulator";
import { planCall, RETENTION_MS, DEFAULT_TIMINGS } from "@/lib/simulator/calls";
import { prepareRequest, sendPrepared } from "@/lib/tencent/client";
import { COMMANDS, type Command } from "@/lib/tencent/commands";
import { genUserSig } from "@/lib/tencent/usersig";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { databaseSimStore } from "./sim-store";

const KEY = "sim-store-test-key-0123456789";
const APP = 1400000001;
const T0 = 1_750_000_000_000;

describe.each(DIALECTS)("the simulator's state in the database on $name", (dialect) => {
  let t: TestDatabase;
  const clock = { ms: T0 };
  beforeAll(async () => {
    t = await dialect.open();
  });
  afterAll(async () => t.close());

  /** A console instance's simulator: its own object, the shared database. */
  const instance = (maxLiveCalls = 1_000) =>
    new CallEngineSimulator({
      sdkAppId: APP,
      secretKey: KEY,
      now: () => Math.floor(clock.ms / 1000),
      store: databaseSimStore(() => Promise.resolve(t)),
      maxLiveCalls,
    });

  async function call(sim: CallEngineSimulator, command: Command, body: unknown) {
    const now = Math.floor(clock.ms / 1000);
    const userSig = genUserSig({ sdkAppId: APP, secretKey: KEY, identifier: "administrator", expireSeconds: 86400, now });
    const prepared = prepareRequest({ baseUrl: "http://sim.local", command, sdkAppId: APP, identifier: "administrator", userSig, body });
    return sendPrepared(prepared, { fetchImpl: (input, init) => sim.handle(new Request(input, init)) });
  }
  const start = (sim: CallEngineSimulator, callees: string[]) =>
    call(sim, COMMANDS.startCallByRobot, {
      Robot_Account: "robot",
      CalleeList_Account: callees,
      Timeout: 30_000,
      CallInfo: { MediaType: "Video" },
    });

  it("a call made through one instance is read, hung up and found as a record through another, and after a restart", async () => {
    const a = instance();
    const b = instance();
    const CallId = (await start(a, ["sim-answers-db", "plain-db"])).callId ?? "";
    expect(CallId).not.toBe("");
    expect((await call(b, COMMANDS.getCallInfo, { CallId })).response).toMatchObject({
      Response: {
        CallInfo: { CallId, MediaType: "Video", RoomId: "", RoomIdType: 0 },
        UserList: [{ Status: "Calling" }, { Status: "Waiting" }, { Status: "Waiting" }],
      },
    });
    clock.ms += 2_000;
    expect((await call(b, COMMANDS.getCallInfo, { CallId })).response).toMatchObject({
      Response: {
        UserList: [{ User_Account: "robot" }, { User_Account: "sim-answers-db", Status: "Calling" }, { User_Account: "plain-db" }],
      },
    });
    expect(await call(b, COMMANDS.endCall, { CallId })).toMatchObject({ kind: "ok" });
    expect((await call(a, COMMANDS.endCall, { CallId })).errorCode).toBe(101004);
    expect((await call(a, COMMANDS.getCallInfo, { CallId })).errorCode).toBe(101004);
    expect((await call(a, COMMANDS.getRecordByCallId, { CallId })).errorCode).toBe(101050);
    clock.ms += 5_000;

    const restarted = instance();
    const record = {
      CallId,
      CallResult: "NormalEnd",
      CallType: "MultiCall",
      StartTime: T0 / 1000,
      AcceptTime: T0 / 1000 + 2,
      EndTime: T0 / 1000 + 2,
    };
    expect((await call(restarted, COMMANDS.getRecordByCallId, { CallId })).response).toMatchObject({ Response: { CallRecord: record } });
    const listed = await call(restarted, COMMANDS.getRecordByFilter, { CallType: "MultiCall" });
    expect(listed.response).toMatchObject({ Response: { TotalNum: 1, Page: 1, CallRecordList: [record] } });
  });

  it("keeps the callback configuration for every instance", async () => {
    const [a, b] = [instance(), instance()];
    expect((await call(b, COMMANDS.getCallback, {})).errorCode).toBe(100301);
    const config = { Url: "http://127.0.0.1:9/hook", CallbackCommandList: ["Call.CallbackAfterEndCall"] };
    expect((await call(a, COMMANDS.setCallback, config)).kind).toBe("ok");
    expect((await call(a, COMMANDS.setCallback, { ...config, Url: "http://127.0.0.1:9/other" })).kind).toBe("ok");
    expect((await call(b, COMMANDS.getCallback, {})).response).toMatchObject({ Response: { ...config, Url: "http://127.0.0.1:9/other" } });
    expect((await call(b, COMMANDS.deleteCallback, {})).kind).toBe("ok");
    expect((await call(a, COMMANDS.deleteCallback, {})).errorCode).toBe(100301);
  });

  it("of starts arriving together through two instances, exactly the live-call limit get through", async () => {
    clock.ms += 60 * 60_000;
    const [a, b] = [instance(5), instance(5)];
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => start(i % 2 ? a : b, [`burst-${i}`])));
    expect(outcomes.filter((o) => o.kind === "ok")).toHaveLength(5);
    expect(outcomes.filter((o) => o.errorCode === 101001)).toHaveLength(15);
  });

  it("of hang-ups arriving together through two instances, exactly one ends the call", async () => {
    clock.ms += 60 * 60_000;
    const [a, b] = [instance(), instance()];
    const CallId = (await start(a, ["sim-answers"])).callId ?? "";
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => call(i % 2 ? a : b, COMMANDS.endCall, { CallId })));
    expect(outcomes.map((o) => o.errorCode).sort()).toEqual([0, ...Array<number>(9).fill(101004)]);
  });

  it("deletes calls past the retention in bounded batches, oldest first", async () => {
    const store = databaseSimStore(() => Promise.resolve(t));
    const old = clock.ms - RETENTION_MS - 3_600_000;
    for (let i = 0; i < 7; i++) {
      const planned = planCall(
        { callId: `old-${i}`, caller: "r", callees: ["sim-rejects"], mediaType: "Audio", timeoutMs: 10_000 },
        old + i,
        DEFAULT_TIMINGS,
      );
      expect(await store.insertCall(planned, old + i, 1_000)).toBe(true);
    }
    const before = clock.ms - RETENTION_MS;
    expect([await store.deleteExpired(before, 3), await store.deleteExpired(before, 3), await store.deleteExpired(before, 3)]).toEqual([
      3, 3, 1,
    ]);
    expect(await store.getCall("old-6")).toBeNull();
    const kept = await t.db
      .selectFrom("sim_calls")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(kept.n)).toBeGreaterThan(0);
  });
});
