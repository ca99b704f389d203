/**
 * The simulator against Tencent's documented samples (lib/tencent/fixtures):
 * each documented request is accepted, and each answer it gives parses with
 * the registry's response schema and has the shape of the documented answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prepareRequest, sendPrepared } from "@/lib/tencent/client";
import { COMMANDS, COMMAND_SPECS, answerOf, type Command } from "@/lib/tencent/commands";
import { classifyBody } from "@/lib/tencent/client";
import * as accountCheck from "@/lib/tencent/fixtures/account-check";
import * as callbackConfig from "@/lib/tencent/fixtures/callback-config";
import * as getCallInfo from "@/lib/tencent/fixtures/get-call-info";
import * as byCallId from "@/lib/tencent/fixtures/get-record-by-callid";
import * as byFilter from "@/lib/tencent/fixtures/get-record-by-filter";
import { repairedText, type DocSample } from "@/lib/tencent/fixtures/sample";
import * as online from "@/lib/tencent/fixtures/query-online-status";
import * as start from "@/lib/tencent/fixtures/start-call-by-robot";
import { genUserSig } from "@/lib/tencent/usersig";
import { CallEngineSimulator } from "./simulator";

const KEY = "samples-test-key-0123456789";
const APP = 1400000001;
let clock = 1_750_000_000_000;
let sim: CallEngineSimulator;

beforeEach(() => {
  vi.useFakeTimers();
  clock = 1_750_000_000_000;
  sim = new CallEngineSimulator({ sdkAppId: APP, secretKey: KEY, now: () => Math.floor(clock / 1000) });
});
afterEach(() => vi.useRealTimers());

const body = (sample: DocSample): unknown => JSON.parse(repairedText(sample));
const documented = (sample: DocSample) => body(sample) as { Response?: Record<string, unknown> };
/** The keys of an object, sorted, for comparing shapes. */
const keys = (value: unknown) => Object.keys(value ?? {}).sort();

async function send(command: Command, requestBody: unknown) {
  const now = Math.floor(clock / 1000);
  const prepared = prepareRequest({
    baseUrl: "http://sim.local/simulator",
    command,
    sdkAppId: APP,
    identifier: "administrator",
    userSig: genUserSig({ sdkAppId: APP, secretKey: KEY, identifier: "administrator", expireSeconds: 86400, now }),
    body: requestBody,
  });
  const outcome = await sendPrepared(prepared, { fetchImpl: (input, init) => sim.handle(new Request(input, init)) });
  const answer = answerOf(command, outcome.response);
  // Whatever the simulator answers with ErrorCode 0 must fit the registry's schema (classifyBody checked it: ok).
  if (outcome.kind === "ok") expect(COMMAND_SPECS[command].response.safeParse(answer).success).toBe(true);
  return { outcome, response: answer };
}

describe("the simulator accepts every documented request", () => {
  it.each([
    ["the API page's start", start.apiRequest],
    ["the guide's start", start.guideRequest],
  ])("%s, and answers like the guide's sample", async (_name, sample) => {
    const { outcome, response } = await send(COMMANDS.startCallByRobot, body(sample));
    expect(outcome.kind).toBe("ok");
    expect(keys(response)).toEqual(keys(documented(start.guideResponse).Response));
  });

  it("get_call_info, get_record_by_callid and end_call on a started call, in the documented shapes", async () => {
    const started = await send(COMMANDS.startCallByRobot, body(start.apiRequest));
    const CallId = started.outcome.callId ?? "";
    const info = await send(COMMANDS.getCallInfo, { ...(body(getCallInfo.request) as object), CallId });
    expect(info.outcome.kind).toBe("ok");
    const sampleInfo = documented(getCallInfo.response).Response;
    expect(keys(info.response)).toEqual(keys(sampleInfo));
    expect(keys((info.response as { CallInfo: unknown }).CallInfo)).toEqual(keys(sampleInfo?.CallInfo));
    expect((await send(COMMANDS.endCall, { CallId })).outcome.kind).toBe("ok");
    clock += 6_000;
    vi.advanceTimersByTime(6_000);
    const record = await send(COMMANDS.getRecordByCallId, { ...(body(byCallId.request) as object), CallId });
    expect(record.outcome.kind).toBe("ok");
    const sampleRecord = documented(byCallId.response).Response?.CallRecord;
    expect(keys((record.response as { CallRecord: unknown }).CallRecord)).toEqual(keys(sampleRecord));
  });

  it.each([
    ["{}", byFilter.requestBasic],
    ["the conditions sample", byFilter.requestConditions],
  ])("get_record_by_filter with %s", async (_name, sample) => {
    const { outcome, response } = await send(COMMANDS.getRecordByFilter, body(sample));
    expect(outcome.kind).toBe("ok");
    expect(keys(response)).toEqual(keys(documented(byFilter.response).Response));
  });

  it("set_callback, get_callback and delete_callback", async () => {
    expect((await send(COMMANDS.setCallback, body(callbackConfig.setRequest))).outcome.kind).toBe("ok");
    const got = await send(COMMANDS.getCallback, body(callbackConfig.getRequest));
    expect(keys(got.response)).toEqual(keys(documented(callbackConfig.getResponse).Response));
    expect((await send(COMMANDS.deleteCallback, body(callbackConfig.deleteRequest))).outcome.kind).toBe("ok");
  });
});

describe("the simulator answers as the samples show", () => {
  it('a start without a room: RoomId "" and RoomIdType 0, as the get_call_info sample', async () => {
    const started = await send(COMMANDS.startCallByRobot, {
      Robot_Account: "robot",
      CalleeList_Account: ["alice"],
      Timeout: 30000,
      CallInfo: { MediaType: "Audio" },
    });
    const info = await send(COMMANDS.getCallInfo, { CallId: started.outcome.callId });
    const sample = documented(getCallInfo.response).Response?.CallInfo as { RoomId: string; RoomIdType: number };
    expect(info.response).toMatchObject({ CallInfo: { RoomId: sample.RoomId, RoomIdType: sample.RoomIdType } });
  });

  it("records list the caller first in CalleeList_Account, as the record samples do", async () => {
    const started = await send(COMMANDS.startCallByRobot, body(start.apiRequest));
    const CallId = started.outcome.callId ?? "";
    await send(COMMANDS.endCall, { CallId });
    clock += 6_000;
    vi.advanceTimersByTime(6_000);
    const record = await send(COMMANDS.getRecordByCallId, { CallId });
    expect(record.response).toMatchObject({
      CallRecord: { Caller_Account: "user1", CalleeList_Account: ["user1", "user5"], CallType: "SingleCall" },
    });
    const listed = await send(COMMANDS.getRecordByFilter, {});
    expect(listed.response).toMatchObject({ CallRecordList: [{ CalleeList_Account: ["user1", "user5"] }] });
  });
});

describe("the simulator refuses only what Tencent documents", () => {
  it("accepts what only the console advises against: a repeated callee, a space, RoomId without RoomIdType, an unknown field", async () => {
    const { outcome } = await send(COMMANDS.startCallByRobot, {
      Robot_Account: "robot with space",
      CalleeList_Account: ["alice", "alice", "bob smith"],
      Timeout: 30000,
      CallInfo: { MediaType: "Audio", RoomId: "room x" },
      NotDocumented: 1,
    });
    expect(outcome.kind).toBe("ok");
  });

  it("refuses a body above 12 KB with 80002, as documented", async () => {
    const { outcome } = await send(COMMANDS.startCallByRobot, {
      Robot_Account: "robot",
      CalleeList_Account: ["alice"],
      Timeout: 30000,
      CallInfo: { MediaType: "Audio" },
      Padding: "x".repeat(12 * 1024),
    });
    expect(outcome).toMatchObject({ kind: "api-error", errorCode: 80002 });
  });
});

describe("the callee checks against their documented samples", () => {
  it("the console reads account_check's sample answer", () => {
    const outcome = classifyBody(COMMANDS.accountCheck, repairedText(accountCheck.response), 200, 1);
    expect(outcome.kind).toBe("ok");
    expect(outcome.payload?.ResultItem.map((r) => [r.UserID, r.AccountStatus])).toEqual([
      ["UserID_1", "Imported"],
      ["UserID_2", "NotImported"],
    ]);
  });

  it.each([
    ["English (State)", online.responseEn],
    ["Chinese (Status)", online.responseZh],
  ])("the console reads query_online_status's %s sample", (_name, sample) => {
    const outcome = classifyBody(COMMANDS.queryOnlineStatus, repairedText(sample), 200, 1);
    expect(outcome.kind).toBe("ok");
    expect(outcome.payload?.QueryResult.map((r) => [r.To_Account, r.Status])).toEqual([
      ["id1", "Offline"],
      ["id2", "Online"],
      ["id3", "PushOnline"],
    ]);
    expect(outcome.payload?.ErrorList).toEqual([{ To_Account: "id4", ErrorCode: 70107 }]);
  });

  it("the simulator accepts account_check's sample and answers in its shape", async () => {
    const { outcome } = await send(COMMANDS.accountCheck, body(accountCheck.request));
    expect(outcome.kind).toBe("ok");
    const sample = body(accountCheck.response) as { ResultItem: unknown[] };
    const answered = outcome.payload as { ResultItem: unknown[] } | null;
    expect(keys(answered?.ResultItem[0])).toEqual(keys(sample.ResultItem[0]));
  });

  it.each([
    ["English", online.requestEn],
    ["English, with detail", online.requestDetailEn],
    ["Chinese", online.requestZh],
    ["Chinese, with detail", online.requestDetailZh],
  ])("the simulator accepts query_online_status's %s sample", async (_name, sample) => {
    const { outcome } = await send(COMMANDS.queryOnlineStatus, body(sample));
    expect(outcome.kind).toBe("ok");
    expect(keys(outcome.payload)).toEqual(["ErrorList", "QueryResult"]);
  });

  it("its magic accounts: sim-not-imported is NotImported (70107 online), sim-offline is Offline", async () => {
    const checked = await send(COMMANDS.accountCheck, { CheckItem: [{ UserID: "sim-not-imported-1" }, { UserID: "alice" }] });
    expect(checked.outcome.payload).toMatchObject({ ResultItem: [{ AccountStatus: "NotImported" }, { AccountStatus: "Imported" }] });
    const status = await send(COMMANDS.queryOnlineStatus, { To_Account: ["sim-offline-2", "alice", "sim-not-imported"] });
    expect(status.outcome.payload).toEqual({
      QueryResult: [
        { To_Account: "sim-offline-2", Status: "Offline" },
        { To_Account: "alice", Status: "Online" },
      ],
      ErrorList: [{ To_Account: "sim-not-imported", ErrorCode: 70107 }],
    });
    const tooMany = await send(COMMANDS.accountCheck, { CheckItem: Array.from({ length: 101 }, (_, i) => ({ UserID: `u${i}` })) });
    expect(tooMany.outcome).toMatchObject({ kind: "api-error", errorCode: 70402 });
  });
});
