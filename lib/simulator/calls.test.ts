import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prepareRequest, sendPrepared } from "@/lib/tencent/client";
import { COMMANDS, type Command } from "@/lib/tencent/commands";
import { genUserSig } from "@/lib/tencent/usersig";
import { CallEngineSimulator } from "./simulator";

const KEY = "calls-test-key-0123456789";
const APP = 1400000001;
let clock = 1_750_000_000_000;
let sim: CallEngineSimulator;

beforeEach(() => {
  vi.useFakeTimers();
  clock = 1_750_000_000_000;
  sim = new CallEngineSimulator({ sdkAppId: APP, secretKey: KEY, now: () => Math.floor(clock / 1000) });
});
afterEach(() => vi.useRealTimers());

function advance(ms: number) {
  clock += ms;
  vi.advanceTimersByTime(ms);
}

async function call(command: Command, body: unknown) {
  const prepared = prepareRequest({
    baseUrl: "http://sim.local/simulator",
    command,
    sdkAppId: APP,
    identifier: "administrator",
    userSig: genUserSig({
      sdkAppId: APP,
      secretKey: KEY,
      identifier: "administrator",
      expireSeconds: 86400,
      now: Math.floor(clock / 1000),
    }),
    body,
  });
  return sendPrepared(prepared, { fetchImpl: (input, init) => sim.handle(new Request(input, init)) });
}

async function start(callees: string[], timeout = 10_000) {
  const outcome = await call(COMMANDS.startCallByRobot, {
    Robot_Account: "robot",
    CalleeList_Account: callees,
    Timeout: timeout,
    CallInfo: { MediaType: "Video" },
  });
  if (!outcome.callId) throw new Error("no CallId");
  return outcome.callId;
}

const info = async (CallId: string) =>
  (await call(COMMANDS.getCallInfo, { CallId })).response as { Response?: { UserList: unknown[] }; ErrorCode: number };
const record = async (CallId: string) =>
  (await call(COMMANDS.getRecordByCallId, { CallId })).response as {
    Response?: { CallRecord: Record<string, unknown> };
    ErrorCode: number;
  };

describe("simulator: the life of a call", () => {
  it("a callee answers, another does not; the caller ends it; the record appears after 5 s", async () => {
    const CallId = await start(["sim-answers-1", "plain"]);
    expect((await info(CallId)).Response?.UserList).toEqual([
      { User_Account: "robot", Status: "Calling" },
      { User_Account: "sim-answers-1", Status: "Waiting" },
      { User_Account: "plain", Status: "Waiting" },
    ]);
    advance(2_000);
    expect((await info(CallId)).Response?.UserList).toContainEqual({ User_Account: "sim-answers-1", Status: "Calling" });
    advance(8_000);
    expect((await info(CallId)).Response?.UserList).toEqual([
      { User_Account: "robot", Status: "Calling" },
      { User_Account: "sim-answers-1", Status: "Calling" },
    ]);

    expect(await call(COMMANDS.endCall, { CallId })).toMatchObject({ kind: "ok", errorCode: 0 });
    expect(await call(COMMANDS.endCall, { CallId })).toMatchObject({ kind: "api-error", errorCode: 101004 });
    expect((await info(CallId)).ErrorCode).toBe(101004);
    expect((await record(CallId)).ErrorCode).toBe(101050);
    advance(5_000);
    expect((await record(CallId)).Response?.CallRecord).toMatchObject({
      CallId,
      Caller_Account: "robot",
      CalleeList_Account: ["robot", "sim-answers-1", "plain"],
      MediaType: "Video",
      CallType: "MultiCall",
      StartTime: 1_750_000_000,
      AcceptTime: 1_750_000_002,
      EndTime: 1_750_000_010,
      CallResult: "NormalEnd",
    });
  });

  it("ends by itself: Reject when every callee rejects, NotAnswer at the Timeout", async () => {
    const rejected = await start(["sim-rejects"]);
    const ignored = await start(["nobody-home"], 12_000);
    advance(1_000);
    expect((await info(rejected)).ErrorCode).toBe(101004);
    expect((await info(ignored)).ErrorCode).toBe(0);
    advance(11_000);
    expect((await info(ignored)).ErrorCode).toBe(101004);
    advance(5_000);
    expect((await record(rejected)).Response?.CallRecord).toMatchObject({ CallResult: "Reject", AcceptTime: 0, CallType: "SingleCall" });
    expect((await record(ignored)).Response?.CallRecord).toMatchObject({ CallResult: "NotAnswer" });
  });

  it("a call ended before anyone answers is a Cancel", async () => {
    const CallId = await start(["sim-answers"]);
    await call(COMMANDS.endCall, { CallId });
    advance(6_000);
    expect((await record(CallId)).Response?.CallRecord).toMatchObject({ CallResult: "Cancel" });
  });

  it("keeps a record 7 days, as documented", async () => {
    const CallId = await start(["sim-rejects"]);
    advance(1_000);
    advance(5_000);
    expect((await record(CallId)).ErrorCode).toBe(0);
    advance(7 * 24 * 3_600_000);
    expect((await record(CallId)).ErrorCode).toBe(101050);
  });

  it("lists records by filter, newest first, with paging", async () => {
    const a = await start(["sim-rejects"]);
    advance(1_000);
    const b = await start(["sim-answers"]);
    await call(COMMANDS.endCall, { CallId: b });
    advance(6_000);
    const all = (await call(COMMANDS.getRecordByFilter, {})).response as {
      Response: { TotalNum: number; Page: number; CallRecordList: { CallId: string }[] };
    };
    expect(all.Response.TotalNum).toBe(2);
    expect(all.Response.CallRecordList.map((r) => r.CallId)).toEqual([b, a]);
    const rejects = (await call(COMMANDS.getRecordByFilter, { CallResult: "Reject" })).response as {
      Response: { CallRecordList: { CallId: string }[] };
    };
    expect(rejects.Response.CallRecordList.map((r) => r.CallId)).toEqual([a]);
    const paged = (await call(COMMANDS.getRecordByFilter, { NumberPerPage: 1 })).response as {
      Response: { Page: number; CallRecordList: unknown[] };
    };
    // The answer's Page is the page served (as in the documented sample), 0 when that page is empty.
    expect(paged.Response).toMatchObject({ Page: 1, CallRecordList: [expect.anything()] });
    const second = (await call(COMMANDS.getRecordByFilter, { NumberPerPage: 1, Page: 2 })).response as { Response: unknown };
    expect(second.Response).toMatchObject({ TotalNum: 2, Page: 2, CallRecordList: [{ CallId: a }] });
    const beyond = (await call(COMMANDS.getRecordByFilter, { NumberPerPage: 1, Page: 3 })).response as { Response: unknown };
    expect(beyond.Response).toMatchObject({ TotalNum: 2, Page: 0, CallRecordList: [] });
  });

  it("answers 101002 naming CallId when it is missing, 101004 for an unknown call", async () => {
    const missing = await call(COMMANDS.endCall, {});
    expect(missing).toMatchObject({ errorCode: 101002 });
    expect(missing.errorInfo).toContain("CallId is required");
    expect((await call(COMMANDS.getCallInfo, { CallId: "no-such-call" })).errorCode).toBe(101004);
    expect((await call(COMMANDS.getRecordByCallId, { CallId: "no-such-call" })).errorCode).toBe(101050);
  });
});
