import type { LookupAddress } from "node:dns";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareRequest, sendPrepared } from "./client";
import { COMMANDS } from "./commands";
import { STRICT_POLICY } from "./outbound";
import { guardedLookup, outboundFetch } from "./outbound-fetch";

let server: Server;
let port: number;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits += 1;
    if (req.url?.startsWith("/redirect")) return res.writeHead(302, { location: "http://169.254.169.254/" }).end();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ActionStatus: "OK", ErrorCode: 0, RequestId: "r" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = (baseUrl: string, fetchImpl: ReturnType<typeof outboundFetch>) =>
  sendPrepared(
    prepareRequest({ baseUrl, command: COMMANDS.endCall, sdkAppId: 1, identifier: "administrator", userSig: "s", body: { CallId: "c" } }),
    { fetchImpl, timeoutMs: 2000 },
  );

/** A resolver that answers every name with one address, as a hostile DNS server could. */
const resolvesTo =
  (address: string, family = 4) =>
  (_host: string, _options: unknown, callback: (error: null, addresses: LookupAddress[]) => void) =>
    callback(null, [{ address, family }]);

describe("outboundFetch", () => {
  it("sends to a host the operator allows", async () => {
    const outcome = await send(`http://127.0.0.1:${port}`, outboundFetch({ allowHosts: [`127.0.0.1:${port}`] }));
    expect(outcome).toMatchObject({ kind: "ok", requestId: "r" });
  });

  it("refuses a loopback literal before connecting: a network-error naming the rule", async () => {
    const before = hits;
    for (const base of [
      `http://127.0.0.1:${port}`,
      `https://127.0.0.1:${port}`,
      `https://0x7f.1:${port}`,
      `https://[::ffff:127.0.0.1]:${port}`,
    ]) {
      const outcome = await send(base, outboundFetch(STRICT_POLICY));
      expect(outcome.kind, base).toBe("network-error");
      expect(outcome.detail, base).toMatch(/^refused by the outbound policy: the base URL must/);
    }
    expect(hits).toBe(before);
  });

  it("refuses at connect time a public-looking name that resolves to a loopback address", async () => {
    const before = hits;
    const fetchImpl = outboundFetch(STRICT_POLICY, { resolve: resolvesTo("127.0.0.1") as never });
    const outcome = await send(`https://rebind.example.com:${port}`, fetchImpl);
    expect(outcome).toMatchObject({ kind: "network-error" });
    expect(outcome.detail).toBe("refused by the outbound policy: rebind.example.com resolves to 127.0.0.1, a loopback 127.0.0.0/8 address");
    const mapped = await send(
      `https://rebind.example.com:${port}`,
      outboundFetch(STRICT_POLICY, { resolve: resolvesTo("::ffff:a9fe:a9fe", 6) as never }),
    );
    expect(mapped.detail).toMatch(/IPv4-mapped/);
    expect(hits).toBe(before);
  });

  it("passes public addresses through the lookup unchanged", async () => {
    const lookup = guardedLookup(resolvesTo("93.184.216.34") as never);
    const answer = await new Promise<unknown>((resolve, reject) =>
      lookup("public.example.com", { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
    );
    expect(answer).toEqual([{ address: "93.184.216.34", family: 4 }]);
  });

  it("never follows a redirect", async () => {
    const before = hits;
    const outcome = await send(`http://127.0.0.1:${port}/redirect`, outboundFetch({ allowHosts: [`127.0.0.1:${port}`] }));
    expect(outcome).toMatchObject({ kind: "http-error", httpStatus: 302 });
    expect(hits).toBe(before + 1);
  });
});
