/**
 * Fuzz: every simulator handler, reached with a valid UserSig and with broken
 * ones, answers HTTP 200 with the envelope (ErrorCode a number), or the
 * documented HTTP failures of the magic accounts; it never throws.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMAND_LIST } from "@/lib/tencent/commands";
import { genUserSig } from "@/lib/tencent/usersig";
import { FUZZ_TIMEOUT_MS, fuzz, hostileJson, hostileString } from "@/lib/testing/fuzz";
import { startBodyArbitrary } from "@/lib/testing/start-call-oracle";
import { CallEngineSimulator } from "./simulator";

const KEY = "fuzz-simulator-key-0123456789abcdef";
const APP = 1400000009;
const NOW = 1_750_000_000;
// Loopback only: set_callback may name only the discard port, so no event leaves the machine.
const sim = new CallEngineSimulator({ sdkAppId: APP, secretKey: KEY, now: () => NOW, slowMs: 0, callbackOrigins: ["http://127.0.0.1:9"] });
const goodSig = genUserSig({ sdkAppId: APP, secretKey: KEY, identifier: "administrator", expireSeconds: 3600, now: NOW });

/** Percent-encodes any string, lone surrogates too (as U+FFFD, which encodeURIComponent refuses). */
const enc = (text: string) => new URLSearchParams([["", text]]).toString().slice(1);
const sig = fc.oneof(
  { weight: 30, arbitrary: fc.constant(goodSig) },
  fc.constantFrom(
    "",
    "not-a-usersig",
    goodSig.slice(0, 20),
    `${goodSig}%`,
    genUserSig({ sdkAppId: APP, secretKey: "other", identifier: "administrator", expireSeconds: 3600, now: NOW }),
  ),
  hostileString,
);
const param = (key: string, value: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 40, arbitrary: value.map((v) => `${key}=${enc(v)}`) },
    fc.constant(""),
    fc.constant(`${key}=%E0%A4%A`),
    fc.constant(`${key}=1&${key}=2`),
  );
const query = fc
  .tuple(
    param("sdkappid", fc.oneof({ weight: 30, arbitrary: fc.constant(String(APP)) }, hostileString)),
    param("identifier", fc.oneof({ weight: 30, arbitrary: fc.constant("administrator") }, hostileString)),
    param("usersig", sig),
    param("random", fc.oneof({ weight: 30, arbitrary: fc.nat().map(String) }, hostileString)),
    param("contenttype", fc.oneof({ weight: 30, arbitrary: fc.constant("json") }, hostileString)),
    fc.option(
      fc.tuple(hostileString, hostileString).map(([k, v]) => `${enc(k)}=${enc(v)}`),
      { nil: "" },
    ),
  )
  .map((parts) => parts.filter((p) => p !== "").join("&"));

const callId = fc.oneof(fc.uuid(), hostileString);
const bodyFor = new Map<string, fc.Arbitrary<unknown>>(
  Object.entries({
    "call_engine_http_srv/start_call_by_robot": startBodyArbitrary,
    "call_config/set_callback": fc.record({
      Url: fc.oneof(fc.constantFrom("http://127.0.0.1:9/hook", "http://[::1", "https://example.com/x"), fc.webUrl(), hostileString),
      CallbackCommandList: fc.oneof(fc.constant(["Call.CallbackAfterEndCall"]), hostileJson),
    }),
    "call_record_http_srv/get_record_by_filter": fc.record(
      { Page: hostileJson, NumberPerPage: fc.oneof(fc.integer(), hostileJson), StartTime: fc.integer(), CallResult: hostileString },
      { requiredKeys: [] },
    ),
  }),
);
const bodyText = (command: string) =>
  fc.oneof(
    {
      weight: 20,
      arbitrary: (bodyFor.get(command) ?? fc.record({ CallId: callId }, { requiredKeys: [] })).map((b) => JSON.stringify(b) ?? ""),
    },
    hostileJson.map((b) => JSON.stringify(b) ?? ""),
    fc.string({ unit: "binary", maxLength: 50 }),
    fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  );
const request = fc
  .record({
    method: fc.oneof({ weight: 30, arbitrary: fc.constant("POST") }, fc.constantFrom("GET", "PUT", "DELETE")),
    command: fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...COMMAND_LIST) }, hostileString.map(enc)),
    query,
    seed: fc.nat(),
  })
  .chain((r) => bodyText(r.command).map((body) => ({ ...r, body })));

describe("fuzz: the simulator's handlers", () => {
  it(
    "always answer the envelope (or a magic account's documented failure), never throw",
    async () => {
      await fuzz("simulator handlers", request, async ({ method, command, query: q, body }) => {
        const init: RequestInit = method === "GET" ? { method } : { method, body };
        const response = await sim.handle(new Request(`http://sim.local/v4/${command}?${q}`, init));
        if (body.includes("sim-gateway-error") && response.status === 502) return false;
        expect(response.status).toBe(200);
        const text = await response.text();
        if (body.includes("sim-garbled") && text === "upstream temporarily unavailable") return false;
        const json = JSON.parse(text) as { ActionStatus: unknown; ErrorCode: unknown; ErrorInfo: unknown; RequestId: unknown };
        expect(typeof json.ErrorCode).toBe("number");
        expect(json.ActionStatus).toBe(json.ErrorCode === 0 ? "OK" : "FAIL");
        expect(typeof json.ErrorInfo).toBe("string");
        expect(json.RequestId).toMatch(/^Id-[0-9a-f]{32}-O-Seq-\d+$/);
        return json.ErrorCode === 0;
      });
    },
    FUZZ_TIMEOUT_MS,
  );
});
