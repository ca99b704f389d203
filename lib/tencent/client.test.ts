import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USERSIG_PLACEHOLDER, prepareRequest, redactOutcome, sendPrepared } from "./client";
import { COMMANDS } from "./commands";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const routes = new Map<string, Handler>();
const seen: { url: string; body: string; method: string; contentType: string | undefined }[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      seen.push({ url: req.url ?? "", body, method: req.method ?? "", contentType: req.headers["content-type"] });
      const route = new URL(req.url ?? "/", "http://x").pathname.split("/")[1] ?? "";
      const handler = routes.get(route);
      if (handler) handler(req, res, body);
      else res.writeHead(404).end("no route");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const json = (res: ServerResponse, status: number, value: unknown) =>
  res.writeHead(status, { "content-type": "application/json" }).end(typeof value === "string" ? value : JSON.stringify(value));

function prepared(route: string, body: unknown = { Robot_Account: "r" }) {
  return prepareRequest({
    baseUrl: `${base}/${route}/`,
    command: COMMANDS.startCallByRobot,
    sdkAppId: 1400000000,
    identifier: "administrator",
    userSig: "SIG*abc-def_",
    body,
  });
}

describe("prepareRequest", () => {
  it("builds the documented URL with a fresh uint32 random and a redacted copy", () => {
    const a = prepared("ok");
    const url = new URL(a.url);
    expect(url.pathname).toBe("/ok/v4/call_engine_http_srv/start_call_by_robot");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      sdkappid: "1400000000",
      identifier: "administrator",
      usersig: "SIG*abc-def_",
      random: String(a.random),
      contenttype: "json",
    });
    expect(a.random).toBeGreaterThanOrEqual(0);
    expect(a.random).toBeLessThanOrEqual(4294967295);
    expect(a.redactedUrl).not.toContain("SIG*abc");
    expect(a.redactedUrl).toContain(`usersig=${USERSIG_PLACEHOLDER}`);
    const randoms = new Set(Array.from({ length: 50 }, () => prepared("ok").random));
    expect(randoms.size).toBeGreaterThan(45);
  });

  it("never sends an empty body", () => {
    expect(
      prepareRequest({ baseUrl: base, command: COMMANDS.getCallback, sdkAppId: 1, identifier: "a", userSig: "s", body: undefined })
        .bodyText,
    ).toBe("{}");
  });
});

describe("sendPrepared classifies every outcome", () => {
  it("ok: parses RequestId, CallId and CallResult, and POSTs JSON", async () => {
    routes.set("ok", (_req, res) =>
      json(res, 200, {
        ActionStatus: "OK",
        ErrorCode: 0,
        ErrorInfo: "",
        RequestId: "Id-0123456789abcdef0123456789abcdef-O-Seq-7",
        Response: {
          CallId: "c-1",
          CallResult: [
            { Callee_Account: "jack", ResultCode: 0 },
            { Callee_Account: 42, ResultCode: 3 },
          ],
        },
      }),
    );
    const request = prepared("ok", { Robot_Account: "robot", CalleeList_Account: ["jack"] });
    const outcome = await sendPrepared(request);
    expect(outcome).toMatchObject({
      kind: "ok",
      httpStatus: 200,
      errorCode: 0,
      requestId: "Id-0123456789abcdef0123456789abcdef-O-Seq-7",
      callId: "c-1",
      callResult: [
        { Callee_Account: "jack", ResultCode: 0 },
        { Callee_Account: "42", ResultCode: 3 },
      ],
    });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(0);
    const last = seen[seen.length - 1];
    expect(last?.method).toBe("POST");
    expect(last?.contentType).toMatch(/application\/json/);
    expect(JSON.parse(last?.body ?? "")).toEqual({ Robot_Account: "robot", CalleeList_Account: ["jack"] });
  });

  it("api-error: ErrorCode is not 0", async () => {
    routes.set("fail", (_req, res) =>
      json(res, 200, { ActionStatus: "FAIL", ErrorCode: 70107, ErrorInfo: "UserID not found", RequestId: "Id-x-O-Seq-1" }),
    );
    expect(await sendPrepared(prepared("fail"))).toMatchObject({
      kind: "api-error",
      errorCode: 70107,
      errorInfo: "UserID not found",
      requestId: "Id-x-O-Seq-1",
      callId: null,
    });
  });

  it("http-error: a status other than 200, keeping the raw answer", async () => {
    routes.set("bad-gateway", (_req, res) => res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad Gateway</h1>"));
    expect(await sendPrepared(prepared("bad-gateway"))).toMatchObject({
      kind: "http-error",
      httpStatus: 502,
      rawBody: "<h1>Bad Gateway</h1>",
      detail: "HTTP 502 Bad Gateway",
    });
    routes.set("redirect", (_req, res) => res.writeHead(302, { location: "https://login.example" }).end());
    expect(await sendPrepared(prepared("redirect"))).toMatchObject({ kind: "http-error", httpStatus: 302 });
  });

  it("bad-response: not JSON, or JSON without the envelope", async () => {
    routes.set("html", (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html>portal</html>"));
    expect(await sendPrepared(prepared("html"))).toMatchObject({ kind: "bad-response", httpStatus: 200, rawBody: "<html>portal</html>" });
    routes.set("shape", (_req, res) => json(res, 200, { hello: "world" }));
    expect(await sendPrepared(prepared("shape"))).toMatchObject({ kind: "bad-response", response: { hello: "world" } });
    routes.set("string-code", (_req, res) => json(res, 200, { ActionStatus: "OK", ErrorCode: "0" }));
    expect(await sendPrepared(prepared("string-code"))).toMatchObject({ kind: "bad-response" });
  });

  it("bad-response for an ErrorCode beyond 32 bits (it would not fit the history column)", async () => {
    routes.set("huge", (_req, res) => json(res, 200, { ActionStatus: "FAIL", ErrorCode: 4294967295 }));
    expect(await sendPrepared(prepared("huge"))).toMatchObject({ kind: "bad-response" });
  });

  it("redacts a UserSig that an answer repeats, raw or URL-encoded, wherever it appears", async () => {
    const sig = "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS*8-_";
    routes.set("echo", (req, res) =>
      res.writeHead(502, { "content-type": "text/html" }).end(`<p>upstream failed for ${req.url} (${sig})</p>`),
    );
    const request = prepareRequest({
      baseUrl: `${base}/echo`,
      command: COMMANDS.endCall,
      sdkAppId: 1,
      identifier: "a",
      userSig: sig,
      body: {},
    });
    const outcome = redactOutcome(await sendPrepared(request), sig);
    expect(outcome.rawBody).toContain(`usersig=${USERSIG_PLACEHOLDER}`);
    expect(outcome.rawBody).not.toContain(sig);
    expect(outcome.rawBody).not.toContain(encodeURIComponent(sig));
    routes.set("echo-json", (_req, res) =>
      json(res, 200, { ActionStatus: "FAIL", ErrorCode: 70003, ErrorInfo: `bad usersig ${sig}`, RequestId: "Id-1" }),
    );
    const jsonRequest = prepareRequest({
      baseUrl: `${base}/echo-json`,
      command: COMMANDS.endCall,
      sdkAppId: 1,
      identifier: "a",
      userSig: sig,
      body: {},
    });
    const jsonOutcome = redactOutcome(await sendPrepared(jsonRequest), sig);
    expect(jsonOutcome.errorInfo).toBe(`bad usersig ${USERSIG_PLACEHOLDER}`);
    expect(JSON.stringify(jsonOutcome.response)).not.toContain(sig);
  });

  it("timeout: no answer within the limit", async () => {
    routes.set("slow", (_req, res) => setTimeout(() => json(res, 200, { ActionStatus: "OK", ErrorCode: 0 }), 2000));
    const outcome = await sendPrepared(prepared("slow"), { timeoutMs: 150 });
    expect(outcome).toMatchObject({ kind: "timeout", detail: "no answer within 150 ms" });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(140);
    expect(outcome.latencyMs).toBeLessThan(1500);
  });

  it("timeout also covers a body that stalls after the headers", async () => {
    routes.set("stall", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"ActionStatus":');
    });
    expect(await sendPrepared(prepared("stall"), { timeoutMs: 150 })).toMatchObject({ kind: "timeout" });
  });

  it("network-error: refused connection and unknown host, with the reason", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = prepareRequest({
      baseUrl: `http://127.0.0.1:${port}`,
      command: COMMANDS.endCall,
      sdkAppId: 1,
      identifier: "a",
      userSig: "s",
      body: {},
    });
    expect(await sendPrepared(refused)).toMatchObject({ kind: "network-error", detail: "ECONNREFUSED" });
    const unknown = prepareRequest({
      baseUrl: "http://no-such-host.invalid",
      command: COMMANDS.endCall,
      sdkAppId: 1,
      identifier: "a",
      userSig: "s",
      body: {},
    });
    const outcome = await sendPrepared(unknown, { timeoutMs: 5000 });
    expect(outcome.kind).toBe("network-error");
    expect(outcome.detail).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });

  it("network-error when the fetch implementation itself fails", async () => {
    const outcome = await sendPrepared(prepared("ok"), {
      fetchImpl: async () => {
        throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      },
    });
    expect(outcome).toMatchObject({ kind: "network-error", detail: "ECONNRESET" });
  });
});
