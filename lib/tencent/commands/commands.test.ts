import { describe, expect, it } from "vitest";
import { classifyBody } from "../client";
import { CALL_ENGINE_RATE_LIMIT_PER_SECOND, COMMAND_LIST, COMMAND_SPECS, COMMANDS, checkResponse, isCommand, type Command } from "./index";

const record = {
  CallId: "2a9b5c1e-3f4d-4e8a-9b7c-1d2e3f4a5b6c",
  Caller_Account: "robot_1",
  CalleeList_Account: ["jack", "rose"],
  MediaType: "Video",
  CallType: "MultiCall",
  StartTime: 1700000000,
  AcceptTime: 1700000005,
  EndTime: 1700000060,
  CallResult: "NormalEnd",
  RoomId: "123456",
  RoomIdType: 1,
  SomethingNew: { nested: true },
};

/** The reference's sample `Response` of each command, each with an extra field the documents do not list. */
const SAMPLES: Record<Command, unknown> = {
  [COMMANDS.startCallByRobot]: {
    CallId: "2a9b5c1e-3f4d-4e8a-9b7c-1d2e3f4a5b6c",
    CallResult: [{ Callee_Account: "jack", ResultCode: 0, Extra: "x" }],
    Unlisted: 1,
  },
  [COMMANDS.endCall]: undefined,
  [COMMANDS.getCallInfo]: {
    CallInfo: { CallId: "c-1", MediaType: "Audio", ChatGroupId: "", RoomId: "42", RoomIdType: 1, New: 1 },
    UserList: [
      { User_Account: "robot_1", Status: "Calling" },
      { User_Account: "jack", Status: "Waiting", Platform: "iOS" },
    ],
    Extra: [],
  },
  [COMMANDS.getRecordByCallId]: { CallRecord: record, Extra: null },
  [COMMANDS.getRecordByFilter]: { TotalNum: 1, Page: 2, CallRecordList: [record], Extra: "x" },
  [COMMANDS.setCallback]: undefined,
  [COMMANDS.getCallback]: {
    Url: "https://example.com/hook",
    CallbackCommandList: ["Call.CallbackAfterStartCall", "Call.CallbackAfterEndCall"],
    Extra: true,
  },
  [COMMANDS.deleteCallback]: { Whatever: 1 },
  [COMMANDS.accountCheck]: {
    ResultItem: [{ UserID: "a", ResultCode: 0, ResultInfo: "", AccountStatus: "NotImported", Extra: 1 }],
  },
  [COMMANDS.queryOnlineStatus]: {
    QueryResult: [
      { To_Account: "a", Status: "Online" },
      { To_Account: "b", State: "PushOnline" },
    ],
    ErrorList: [{ To_Account: "c", ErrorCode: 70107 }],
  },
};

const envelope = (Response: unknown, ErrorCode = 0, answerAt: "Response" | "envelope" = "Response") =>
  JSON.stringify({
    ActionStatus: ErrorCode === 0 ? "OK" : "FAIL",
    ErrorCode,
    ErrorInfo: "",
    RequestId: "Id-1-O-Seq-1",
    ...(answerAt === "Response" ? { Response } : (Response as object)),
  });

describe("the command registry", () => {
  it("declares every command once, with its resend safety and the documented rate limit", () => {
    expect(COMMAND_LIST).toHaveLength(10);
    expect(Object.keys(COMMAND_SPECS).sort()).toEqual([...COMMAND_LIST].sort());
    for (const command of COMMAND_LIST) {
      expect(COMMAND_SPECS[command].path).toBe(command);
      // account_check is documented at 100 requests/s; every other command at 200.
      const limit = command === COMMANDS.accountCheck ? 100 : CALL_ENGINE_RATE_LIMIT_PER_SECOND;
      expect(COMMAND_SPECS[command].rateLimitPerSecond).toBe(limit);
    }
    expect(CALL_ENGINE_RATE_LIMIT_PER_SECOND).toBe(200);
    const mayActTwice = COMMAND_LIST.filter((c) => COMMAND_SPECS[c].resend === "may-act-twice").sort();
    expect(mayActTwice).toEqual([COMMANDS.startCallByRobot, COMMANDS.endCall, COMMANDS.setCallback, COMMANDS.deleteCallback].sort());
    expect(isCommand("call_engine_http_srv/get_call_info")).toBe(true);
    expect(isCommand("call_engine_http_srv/toString")).toBe(false);
    expect(isCommand("constructor")).toBe(false);
  });

  it.each(COMMAND_LIST)("%s: the sample answer fits, extra fields included", (command) => {
    const checked = checkResponse(command, SAMPLES[command]);
    expect(checked).toMatchObject({ ok: true });
    const outcome = classifyBody(command, envelope(SAMPLES[command], 0, COMMAND_SPECS[command].answerAt), 200, 1);
    expect(outcome.kind).toBe("ok");
  });

  it("reads the Chat commands' fields beside the envelope, and both State and Status as Status", () => {
    const outcome = classifyBody(COMMANDS.queryOnlineStatus, envelope(SAMPLES[COMMANDS.queryOnlineStatus], 0, "envelope"), 200, 1);
    expect(outcome.payload?.QueryResult.map((r) => r.Status)).toEqual(["Online", "PushOnline"]);
    const missing = classifyBody(COMMANDS.accountCheck, envelope({ Other: 1 }, 0, "envelope"), 200, 1);
    expect(missing).toMatchObject({ kind: "bad-response" });
    expect(missing.detail).toContain("ResultItem:");
  });

  it("keeps unknown fields and reads accounts sent as numbers as strings", () => {
    const outcome = classifyBody(COMMANDS.getRecordByCallId, envelope({ CallRecord: { ...record, CalleeList_Account: [42] } }), 200, 1);
    expect(outcome.payload?.CallRecord).toMatchObject({ CalleeList_Account: ["42"], SomethingNew: { nested: true } });
    expect(outcome.callId).toBe(record.CallId);
  });

  it("sets history's CallId and per-callee results from the typed answer", () => {
    const start = classifyBody(COMMANDS.startCallByRobot, envelope(SAMPLES[COMMANDS.startCallByRobot]), 200, 1);
    expect(start).toMatchObject({
      callId: "2a9b5c1e-3f4d-4e8a-9b7c-1d2e3f4a5b6c",
      callResult: [{ Callee_Account: "jack", ResultCode: 0 }],
    });
    expect(start.callResult?.[0]).not.toHaveProperty("Extra");
    expect(classifyBody(COMMANDS.getCallInfo, envelope(SAMPLES[COMMANDS.getCallInfo]), 200, 1).callId).toBe("c-1");
  });

  it.each([
    [COMMANDS.startCallByRobot, { CallResult: [] }, "Response.CallId"],
    [COMMANDS.getCallInfo, { CallInfo: { CallId: "c" }, UserList: [{ Status: "Calling" }] }, "Response.UserList.0.User_Account"],
    [COMMANDS.getRecordByCallId, { CallRecord: { ...record, StartTime: "yesterday" } }, "Response.CallRecord.StartTime"],
    [COMMANDS.getRecordByFilter, { TotalNum: 3, Page: 1 }, "Response.CallRecordList"],
    [COMMANDS.getCallback, { Url: 5, CallbackCommandList: [] }, "Response.Url"],
    [COMMANDS.getCallInfo, undefined, "Response"],
  ])("%s: an ErrorCode 0 answer whose Response does not fit is bad-response naming %s", (command, response, field) => {
    const outcome = classifyBody(command, envelope(response), 200, 1);
    expect(outcome).toMatchObject({ kind: "bad-response", errorCode: 0, actionStatus: "OK", requestId: "Id-1-O-Seq-1", payload: null });
    expect(outcome.detail).toContain(`${field}:`);
    expect(outcome.detail).toContain(command);
  });

  it("does not read the Response of an error answer", () => {
    expect(classifyBody(COMMANDS.getCallInfo, envelope({ nonsense: true }, 101004), 200, 1)).toMatchObject({
      kind: "api-error",
      errorCode: 101004,
      payload: null,
      detail: null,
    });
  });
});
