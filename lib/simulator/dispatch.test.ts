import { describe, expect, it } from "vitest";
import { COMMAND_LIST } from "@/lib/tencent/commands";
import { genUserSig } from "@/lib/tencent/usersig";
import { HANDLERS } from "./handlers";
import { CallEngineSimulator } from "./simulator";

const KEY = "dispatch-test-key-0123456789abcdef";
const APP = 1400000002;
const NOW = 1_750_000_000;
const sim = new CallEngineSimulator({ sdkAppId: APP, secretKey: KEY, now: () => NOW });
const query = () =>
  `sdkappid=${APP}&identifier=administrator&usersig=${genUserSig({ sdkAppId: APP, secretKey: KEY, identifier: "administrator", expireSeconds: 3600, now: NOW })}&random=7&contenttype=json`;

async function post(path: string, body: unknown) {
  const response = await sim.handle(new Request(`http://sim.local/v4/${path}?${query()}`, { method: "POST", body: JSON.stringify(body) }));
  const json: unknown = await response.json();
  return { status: response.status, json };
}

const start = { Robot_Account: "robot", CalleeList_Account: ["alice"], Timeout: 30000, CallInfo: { MediaType: "Audio" } };

describe("simulator dispatch", () => {
  it("has a handler for every command of the registry, and nothing else", () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...COMMAND_LIST].sort());
  });

  it.each([
    "call_engine_http_srv/no_such_command",
    "call_engine_http_srv/constructor",
    "call_engine_http_srv/__proto__",
    "other_srv/start_call_by_robot",
    "call_engine_http_srv",
  ])("answers 60009 for an unknown command: %s", async (path) => {
    const { status, json } = await post(path, {});
    expect(status).toBe(200);
    expect(json).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 60009, ErrorInfo: expect.stringContaining("wrong resource path") });
  });

  it("answers set_callback with an unparsable URL with 100002, never an exception", async () => {
    for (const Url of ["http://[::1", "https://exa mple.com", 42]) {
      const { json } = await post("call_config/set_callback", { Url, CallbackCommandList: ["Call.CallbackAfterEndCall"] });
      expect(json).toMatchObject({ ErrorCode: 100002, ErrorInfo: expect.stringContaining("Url") });
    }
    const { json } = await post("call_config/set_callback", { Url: "http://127.0.0.1:9/hook", CallbackCommandList: [] });
    expect(json).toMatchObject({ ErrorCode: 100002, ErrorInfo: expect.stringContaining("CallbackCommandList") });
  });

  it.each([
    [{ ...start, Robot_Account: 7 }, 60015, ""],
    [{ ...start, Timeout: 600_001 }, 101002, "Timeout"],
    [{ ...start, Timeout: undefined }, 101002, "Timeout"],
    [{ ...start, UserData: "好".repeat(334) }, 101002, "UserData"],
    [{ ...start, CallInfo: { MediaType: "video" } }, 101002, "CallInfo.MediaType"],
    [{ ...start, CallInfo: { MediaType: "Audio", RoomIdType: 0, RoomId: "5" } }, 101002, "CallInfo.RoomIdType"],
    [{ ...start, CalleeList_Account: undefined }, 101002, "CalleeList_Account"],
  ])("start_call_by_robot refuses what the documents refuse: %j", async (body, code, field) => {
    const { json } = await post("call_engine_http_srv/start_call_by_robot", body);
    expect(json).toMatchObject({ ErrorCode: code, ErrorInfo: expect.stringContaining(field) });
  });

  it("accepts what the documents allow, even where the console's form is stricter", async () => {
    const lenient = { ...start, CalleeList_Account: ["alice", "alice"], UserData: "好".repeat(333), SomeNewField: true };
    expect((await post("call_engine_http_srv/start_call_by_robot", lenient)).json).toMatchObject({ ErrorCode: 0 });
  });

  it("refuses a CallId that is not a string with 101002 naming it", async () => {
    const { json } = await post("call_engine_http_srv/get_call_info", { CallId: 5 });
    expect(json).toMatchObject({ ErrorCode: 101002, ErrorInfo: expect.stringContaining("CallId") });
  });
});
