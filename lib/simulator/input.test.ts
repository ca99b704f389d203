/**
 * The simulator's own input: every malformed request, class by class, gets the
 * documented envelope (HTTP 200, ActionStatus FAIL, a numeric ErrorCode from
 * reference §5), never an exception, and never an answer that quotes a huge
 * input back.
 */
import { describe, expect, it } from "vitest";
import { COMMANDS, COMMAND_LIST } from "@/lib/tencent/commands";
import { genUserSig } from "@/lib/tencent/usersig";
import { CallEngineSimulator } from "./simulator";

const KEY = "input-test-key-0123456789abcdef";
const APP = 1400000003;
const NOW = 1_750_000_000;
const sim = new CallEngineSimulator({ sdkAppId: APP, secretKey: KEY, now: () => NOW });
const SIG = genUserSig({ sdkAppId: APP, secretKey: KEY, identifier: "administrator", expireSeconds: 3600, now: NOW });
const QUERY = `sdkappid=${APP}&identifier=administrator&usersig=${SIG}&random=7&contenttype=json`;
const START = `http://sim.local/v4/${COMMANDS.startCallByRobot}`;
const goodStart = { Robot_Account: "robot", CalleeList_Account: ["alice"], Timeout: 30000, CallInfo: { MediaType: "Audio" } };

interface Envelope {
  ActionStatus: string;
  ErrorCode: number;
  ErrorInfo: string;
  RequestId: string;
}

async function ask(url: string, init: RequestInit = {}): Promise<Envelope> {
  const response = await sim.handle(new Request(url, { method: "POST", ...init }));
  expect(response.status).toBe(200);
  const json = (await response.json()) as Envelope;
  expect(json).toMatchObject({ ActionStatus: expect.any(String), ErrorCode: expect.any(Number), RequestId: expect.stringMatching(/^Id-/) });
  expect(json.ErrorInfo.length).toBeLessThan(600);
  return json;
}

const post = (body: BodyInit, path = START, query = QUERY) => ask(`${path}?${query}`, { body });

describe("simulator input: method", () => {
  it.each(["GET", "PUT", "DELETE", "PATCH", "OPTIONS"])("answers %s with 60008", async (method) => {
    const json = await ask(`${START}?${QUERY}`, { method, body: method === "GET" || method === "OPTIONS" ? undefined : "{}" });
    expect(json).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 60008 });
  });
});

describe("simulator input: query string", () => {
  it.each(["", "?", "?&&&", "?=&=", "?sdkappid", "?sdkappid=&identifier=administrator"])(
    "answers a query with no sdkappid (%j) with 60012",
    async (q) => {
      expect((await ask(`${START}${q}`, { body: "{}" })).ErrorCode).toBe(60012);
    },
  );

  it.each(["sdkappid", "identifier", "usersig", "contenttype", "random"])("answers a duplicated %s with 60002", async (key) => {
    const value = new URLSearchParams(QUERY).get(key) ?? "";
    const json = await post(JSON.stringify(goodStart), START, `${QUERY}&${key}=${encodeURIComponent(value)}`);
    expect(json).toMatchObject({ ErrorCode: 60002, ErrorInfo: expect.stringContaining(key) });
  });

  it("answers a huge query value with 60002 and does not quote it back", async () => {
    const huge = "1".repeat(200_000);
    expect((await post("{}", START, `${QUERY}&extra=${huge}`)).ErrorCode).toBe(60002);
    expect((await post("{}", START, QUERY.replace("random=7", `random=${"0".repeat(20_000)}7`))).ErrorCode).toBe(60002);
    const identifier = (await post("{}", START, QUERY.replace("identifier=administrator", `identifier=${"a".repeat(4000)}`))).ErrorInfo;
    expect(identifier).not.toContain("a".repeat(200));
  });

  it("answers a UserSig that inflates to megabytes with 70003, without quoting it", async () => {
    const { deflateSync } = await import("node:zlib");
    const bomb = JSON.stringify({
      "TLS.ver": "2.0",
      "TLS.identifier": "x".repeat(5_000_000),
      "TLS.sdkappid": APP,
      "TLS.time": NOW,
      "TLS.expire": 60,
      "TLS.sig": "x",
    });
    const sig = deflateSync(bomb).toString("base64").replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
    const json = await post("{}", START, QUERY.replace(`usersig=${SIG}`, `usersig=${sig}`));
    expect(json.ErrorCode).toBe(70003);
  });

  it.each(["x=%E0%A4%A", "x=%", "x=%zz", "%ff=1", "sdkappid=%C0%80"])("answers invalid percent-encoding (%s) with 60002", async (bad) => {
    expect((await post("{}", START, `${QUERY}&${bad}`)).ErrorCode).toBe(60002);
  });

  it("answers NUL in the identifier with 60010, and NUL in the sdkappid with 60006", async () => {
    expect((await post("{}", START, QUERY.replace("identifier=administrator", "identifier=admin%00istrator"))).ErrorCode).toBe(70013);
    expect((await post("{}", START, QUERY.replace(`sdkappid=${APP}`, `sdkappid=${APP}%00`))).ErrorCode).toBe(60006);
  });

  it("ignores prototype keys in the query", async () => {
    expect((await post(JSON.stringify(goodStart), START, `${QUERY}&__proto__=1&constructor=2&toString=3`)).ErrorCode).toBe(0);
  });
});

describe("simulator input: body", () => {
  it("answers a body that is not UTF-8 with 60003", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"Robot_Account":"r'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(JSON.stringify(goodStart).slice(23)),
    ]);
    expect((await post(bytes)).ErrorCode).toBe(60003);
  });

  it.each(["", " ", "\n"])("answers an empty body (%j) with 60003", async (body) => {
    expect((await post(body)).ErrorCode).toBe(60003);
  });

  it.each(["[]", "[{}]", "42", '"text"', "null", "true"])(
    "answers a body that is not an object (%s) with 60003, for every command",
    async (body) => {
      for (const command of COMMAND_LIST) {
        expect(await post(body, `http://sim.local/v4/${command}`)).toMatchObject({
          ErrorCode: 60003,
          ErrorInfo: expect.stringContaining("object"),
        });
      }
    },
  );

  it("answers deep nesting like any other body: a rule's code, or 80002 past 12 KB", async () => {
    const deep = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;
    const inside = { ...goodStart, OfflinePushInfo: JSON.parse(deep(1500)) as unknown };
    expect((await post(JSON.stringify(inside))).ErrorCode).toBe(0);
    expect((await post(deep(2000))).ErrorCode).toBe(101002);
    expect((await post(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).ErrorCode).toBe(80002);
  });

  it.each(["1e400", "-1e400", "600000.0000000001", "1e21", "9007199254740993"])("answers Timeout %s with 101002", async (n) => {
    const body = JSON.stringify(goodStart).replace("30000", n);
    expect(await post(body)).toMatchObject({ ErrorCode: 101002, ErrorInfo: expect.stringContaining("Timeout") });
  });

  it("answers huge paging numbers with a page, or 101002", async () => {
    const filter = `http://sim.local/v4/${COMMANDS.getRecordByFilter}`;
    expect((await post('{"Page":9007199254740991,"NumberPerPage":9007199254740991}', filter)).ErrorCode).toBe(0);
    expect((await post('{"Page":1e300}', filter)).ErrorCode).toBe(101002);
    expect((await post('{"StartTime":-1e308}', filter)).ErrorCode).toBe(101002);
  });

  it("answers NUL characters: raw in JSON 60003, escaped as any other character", async () => {
    expect((await post('{"CallId":"a\u0000b"}', `http://sim.local/v4/${COMMANDS.getCallInfo}`)).ErrorCode).toBe(60003);
    expect((await post('{"CallId":"a\\u0000b"}', `http://sim.local/v4/${COMMANDS.getCallInfo}`)).ErrorCode).toBe(101004);
    expect((await post('{"\\u0000":1}', `http://sim.local/v4/${COMMANDS.getCallback}`)).ErrorCode).toBe(100301);
  });

  it("treats prototype keys as plain data and pollutes nothing", async () => {
    const proto = `{"__proto__":{"Robot_Account":"x","polluted":1},"constructor":{"prototype":{"polluted":1}},${JSON.stringify(goodStart).slice(1)}`;
    expect((await post(proto)).ErrorCode).toBe(0);
    const hidden = '{"__proto__":{"Robot_Account":"r","CalleeList_Account":["a"],"Timeout":30000,"CallInfo":{"MediaType":"Audio"}}}';
    expect((await post(hidden)).ErrorCode).toBe(101002);
    const list = `{"Url":"http://127.0.0.1:9/h","CallbackCommandList":["__proto__","constructor"]}`;
    expect((await post(list, `http://sim.local/v4/${COMMANDS.setCallback}`)).ErrorCode).toBe(100002);
    expect(
      (await post('{"CallResult":"__proto__","CallType":"constructor"}', `http://sim.local/v4/${COMMANDS.getRecordByFilter}`)).ErrorCode,
    ).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(["http://[::1", "http://[::1]:99999/x", "http://%zz/", "http://a b/", "javascript:alert(1)", "http://", "http://h:65536/"])(
    "answers set_callback with the URL %j with 100002 naming Url",
    async (Url) => {
      const body = JSON.stringify({ Url, CallbackCommandList: ["Call.CallbackAfterEndCall"] });
      const json = await post(body, `http://sim.local/v4/${COMMANDS.setCallback}`);
      expect(json).toMatchObject({ ErrorCode: 100002, ErrorInfo: expect.stringContaining("Url") });
    },
  );
});
