import { describe, expect, it } from "vitest";
import { prepareRequest, sendPrepared, type FetchLike } from "@/lib/tencent/client";
import { COMMANDS } from "@/lib/tencent/commands";
import { genUserSig } from "@/lib/tencent/usersig";
import { CallEngineSimulator } from "./simulator";

const KEY = "simulator-test-key-0123456789abcdef";
const APP = 1400000001;
const NOW = 1_750_000_000;
const sim = new CallEngineSimulator({ sdkAppId: APP, secretKey: KEY, slowMs: 5_000, now: () => NOW });
const viaSim: FetchLike = (input, init) => sim.handle(new Request(input, init), init.signal ?? undefined);

const goodBody = { Robot_Account: "robot", CalleeList_Account: ["alice", "bob"], Timeout: 30000, CallInfo: { MediaType: "Audio" } };

function sig(over: Partial<{ sdkAppId: number; identifier: string; key: string; now: number; expire: number }> = {}) {
  return genUserSig({
    sdkAppId: over.sdkAppId ?? APP,
    secretKey: over.key ?? KEY,
    identifier: over.identifier ?? "administrator",
    expireSeconds: over.expire ?? 3600,
    now: over.now ?? NOW,
  });
}

async function send(body: unknown, opts: { userSig?: string; identifier?: string; sdkAppId?: number; timeoutMs?: number } = {}) {
  const prepared = prepareRequest({
    baseUrl: "http://sim.local/simulator",
    command: COMMANDS.startCallByRobot,
    sdkAppId: opts.sdkAppId ?? APP,
    identifier: opts.identifier ?? "administrator",
    userSig: opts.userSig ?? sig(),
    body,
  });
  return sendPrepared(prepared, { fetchImpl: viaSim, timeoutMs: opts.timeoutMs ?? 2000 });
}

async function raw(url: string, body: string, method = "POST") {
  const response = await sim.handle(new Request(url, { method, body: method === "POST" ? body : undefined }));
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("simulator: start_call_by_robot", () => {
  it("answers a good request like the real service", async () => {
    const outcome = await send(goodBody);
    expect(outcome.kind).toBe("ok");
    expect(outcome.requestId).toMatch(/^Id-[0-9a-f]{32}-O-Seq-\d+$/);
    expect(outcome.callId).toMatch(/^[0-9a-f-]{36}$/);
    expect(outcome.callResult).toEqual([
      { Callee_Account: "alice", ResultCode: 0 },
      { Callee_Account: "bob", ResultCode: 0 },
    ]);
    expect(outcome.response).toMatchObject({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" });
  });

  it("numbers its RequestIds in sequence", async () => {
    const a = Number((await send(goodBody)).requestId?.split("-Seq-")[1]);
    const b = Number((await send(goodBody)).requestId?.split("-Seq-")[1]);
    expect(b).toBe(a + 1);
  });

  it("checks the query string: 60012, 60025, 60002, 60009", async () => {
    const q = `usersig=${sig()}&random=1&contenttype=json`;
    expect((await raw(`http://s/v4/call_engine_http_srv/start_call_by_robot?identifier=administrator&${q}`, "{}")).json.ErrorCode).toBe(
      60012,
    );
    expect(
      (
        await raw(
          `http://s/v4/call_engine_http_srv/start_call_by_robot?sdkappid=${APP}&identifier=administrator&usersig=${sig()}&random=1`,
          "{}",
        )
      ).json.ErrorCode,
    ).toBe(60025);
    expect(
      (
        await raw(
          `http://s/v4/call_engine_http_srv/start_call_by_robot?sdkappid=${APP}&identifier=administrator&usersig=${sig()}&random=1&contenttype=xml`,
          "{}",
        )
      ).json.ErrorCode,
    ).toBe(60025);
    expect(
      (await raw(`http://s/v4/call_engine_http_srv/start_call_by_robot?sdkappid=${APP}&identifier=administrator&${q}&x=%E0%A4%A`, "{}"))
        .json.ErrorCode,
    ).toBe(60002);
    expect(
      (await raw(`http://s/v4/call_engine_http_srv/no_such_command?sdkappid=${APP}&identifier=administrator&${q}`, "{}")).json.ErrorCode,
    ).toBe(60009);
  });

  it("answers HTTP 200 with the envelope for failures too", async () => {
    const result = await raw(`http://s/v4/call_engine_http_srv/start_call_by_robot?sdkappid=${APP}`, "{}");
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 60025, RequestId: expect.stringMatching(/^Id-/) });
  });

  it("verifies the UserSig: 70001, 70003, 70009, 70013, 70014, 70020, 60010", async () => {
    expect((await send(goodBody, { userSig: sig({ now: NOW - 7200, expire: 3600 }) })).errorCode).toBe(70001);
    expect((await send(goodBody, { userSig: "not-a-usersig" })).errorCode).toBe(70003);
    expect((await send(goodBody, { userSig: sig({ key: "wrong-key" }) })).errorCode).toBe(70009);
    expect((await send(goodBody, { userSig: sig({ identifier: "someone" }) })).errorCode).toBe(70013);
    expect((await send(goodBody, { userSig: sig({ sdkAppId: 1400999999 }) })).errorCode).toBe(70014);
    expect((await send(goodBody, { sdkAppId: 1400999999, userSig: sig({ sdkAppId: 1400999999 }) })).errorCode).toBe(70020);
    expect((await send(goodBody, { identifier: "robot", userSig: sig({ identifier: "robot" }) })).errorCode).toBe(60010);
  });

  it("rejects a body that is not JSON (60003) or too large (80002)", async () => {
    const url = `http://s/v4/call_engine_http_srv/start_call_by_robot?sdkappid=${APP}&identifier=administrator&usersig=${sig()}&random=5&contenttype=json`;
    expect((await raw(url, '{"Robot_Account": "r",')).json.ErrorCode).toBe(60003);
    expect((await raw(url, JSON.stringify({ ...goodBody, UserData: "x".repeat(13000) }))).json.ErrorCode).toBe(80002);
  });

  it("answers 60015 for a UserID that is not a string", async () => {
    expect((await send({ ...goodBody, CalleeList_Account: ["alice", 42] })).errorCode).toBe(60015);
  });

  it("answers 101002 naming the field that breaks a rule", async () => {
    const outcome = await send({ ...goodBody, Timeout: 5000 });
    expect(outcome).toMatchObject({ kind: "api-error", errorCode: 101002 });
    expect(outcome.errorInfo).toMatch(/Timeout must be at least 10000/);
    const room = await send({ ...goodBody, CallInfo: { MediaType: "Audio", RoomIdType: 1, RoomId: "abc" } });
    expect(room.errorInfo).toMatch(/CallInfo\.RoomId/);
  });

  describe("magic accounts", () => {
    it("sim-not-imported answers 70107 naming the account", async () => {
      const outcome = await send({ ...goodBody, CalleeList_Account: ["alice", "sim-not-imported-7"] });
      expect(outcome).toMatchObject({ kind: "api-error", errorCode: 70107 });
      expect(outcome.errorInfo).toContain("sim-not-imported-7");
    });
    it("sim-internal-error answers 101001, sim-rate-limited 60007", async () => {
      expect((await send({ ...goodBody, CalleeList_Account: ["sim-internal-error"] })).errorCode).toBe(101001);
      expect((await send({ ...goodBody, CalleeList_Account: ["sim-rate-limited-x"] })).errorCode).toBe(60007);
    });
    it("sim-slow answers later than the client's timeout, and stops when the client gives up", async () => {
      const started = Date.now();
      const outcome = await send({ ...goodBody, CalleeList_Account: ["sim-slow"] }, { timeoutMs: 200 });
      expect(outcome.kind).toBe("timeout");
      expect(Date.now() - started).toBeLessThan(2000);
    });
    it("sim-gateway-error answers HTTP 502, sim-garbled a body that is not JSON", async () => {
      expect(await send({ ...goodBody, CalleeList_Account: ["sim-gateway-error"] })).toMatchObject({ kind: "http-error", httpStatus: 502 });
      expect(await send({ ...goodBody, CalleeList_Account: ["sim-garbled"] })).toMatchObject({ kind: "bad-response", httpStatus: 200 });
    });
    it("a name that merely contains a magic word is an ordinary callee", async () => {
      expect((await send({ ...goodBody, CalleeList_Account: ["not-sim-slow", "sim-slower"] })).kind).toBe("ok");
    });
  });
});

describe("simulator: get_record_by_filter", () => {
  it("answers an empty page for {} (the console's connection test)", async () => {
    const prepared = prepareRequest({
      baseUrl: "http://sim.local/simulator",
      command: COMMANDS.getRecordByFilter,
      sdkAppId: APP,
      identifier: "administrator",
      userSig: sig(),
      body: {},
    });
    const outcome = await sendPrepared(prepared, { fetchImpl: viaSim });
    expect(outcome).toMatchObject({ kind: "ok", response: { Response: { TotalNum: 0, Page: 0, CallRecordList: [] } } });
  });
  it("refuses a bad page number with 101002", async () => {
    const prepared = prepareRequest({
      baseUrl: "http://sim.local/simulator",
      command: COMMANDS.getRecordByFilter,
      sdkAppId: APP,
      identifier: "administrator",
      userSig: sig(),
      body: { Page: 0 },
    });
    expect(await sendPrepared(prepared, { fetchImpl: viaSim })).toMatchObject({ errorCode: 101002 });
  });
});

describe("simulator: regions", () => {
  it("answers in its home region and 60026 in the others", async () => {
    const regional = new CallEngineSimulator({ sdkAppId: APP, secretKey: KEY, now: () => NOW, homeRegion: "seoul" });
    const ask = async (region: string) => {
      const prepared = prepareRequest({
        baseUrl: `http://sim.local/simulator/regions/${region}`,
        command: COMMANDS.getRecordByFilter,
        sdkAppId: APP,
        identifier: "administrator",
        userSig: sig(),
        body: {},
      });
      return sendPrepared(prepared, { fetchImpl: (input, init) => regional.handle(new Request(input, init), undefined, region) });
    };
    expect((await ask("seoul")).kind).toBe("ok");
    expect(await ask("china")).toMatchObject({ kind: "api-error", errorCode: 60026 });
  });
});
