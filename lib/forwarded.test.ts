import { afterEach, describe, expect, it } from "vitest";
import { requestOrigin } from "./forwarded";
import { usePeerHeaderForTests } from "./peer-address";
import { parseTrustedProxies, type TrustedProxies } from "./trusted-proxies";

const PEER = "x-peer-test";
const proxies = (text?: string): TrustedProxies => {
  const parsed = parseTrustedProxies(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.proxies;
};
const request = (peer: string | null, extra: Record<string, string> = {}) =>
  new Headers({ host: "console.example", ...(peer ? { [PEER]: peer } : {}), ...extra });

afterEach(() => usePeerHeaderForTests(undefined));

describe("requestOrigin", () => {
  it("without trusted proxies, forwarded headers change nothing: the socket's address counts", () => {
    usePeerHeaderForTests(PEER);
    const seen = new Set<string | null>();
    for (let i = 0; i < 50; i += 1) {
      const origin = requestOrigin(
        request("203.0.113.7", {
          "x-forwarded-for": `10.0.${i}.1, 198.51.100.${i}`,
          "x-forwarded-host": "attacker.example",
          "x-forwarded-proto": "https",
        }),
        proxies(undefined),
      );
      seen.add(origin.ip);
      expect(origin).toMatchObject({ host: "console.example", proto: null });
    }
    expect([...seen]).toEqual(["203.0.113.7"]);
  });

  it("a header naming the stamp cannot be forged: without the per-process name there is no address", () => {
    usePeerHeaderForTests(undefined);
    expect(requestOrigin(request(null, { "x-forwarded-for": "1.2.3.4", [PEER]: "1.2.3.4" }), proxies()).ip).toBeNull();
  });

  it("with a hop count, only the hops the proxies added count", () => {
    usePeerHeaderForTests(PEER);
    const headers = request("10.0.0.2", {
      "x-forwarded-for": "6.6.6.6, 198.51.100.9",
      "x-forwarded-host": "evil.example, console.example",
      "x-forwarded-proto": "https",
    });
    expect(requestOrigin(headers, proxies("1"))).toEqual({ ip: "198.51.100.9", host: "console.example", proto: "https" });
    expect(requestOrigin(headers, proxies("2")).ip).toBe("6.6.6.6");
    expect(requestOrigin(headers, proxies("5")).ip).toBe("6.6.6.6");
  });

  it("with a list, hops count while their address is a trusted proxy", () => {
    usePeerHeaderForTests(PEER);
    const list = proxies("10.0.0.0/8, ::1");
    const forged = request("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.9, 10.1.1.1", "x-forwarded-proto": "https" });
    expect(requestOrigin(forged, list)).toMatchObject({ ip: "198.51.100.9", proto: "https" });
    // A peer outside the list is the client itself, whatever it says.
    expect(requestOrigin(request("203.0.113.5", { "x-forwarded-for": "1.1.1.1", "x-forwarded-host": "evil" }), list)).toEqual({
      ip: "203.0.113.5",
      host: "console.example",
      proto: null,
    });
    expect(requestOrigin(request("::ffff:10.0.0.3", { "x-forwarded-for": "192.0.2.1" }), list).ip).toBe("192.0.2.1");
    expect(requestOrigin(request("::1", { "x-forwarded-for": "192.0.2.1" }), list).ip).toBe("192.0.2.1");
  });

  it("refuses a setting it cannot read, naming the entry", () => {
    expect(parseTrustedProxies("10.0.0.0/33")).toMatchObject({ ok: false, message: expect.stringContaining("10.0.0.0/33") });
    expect(parseTrustedProxies("proxy.example")).toMatchObject({ ok: false });
    expect(parseTrustedProxies("")).toEqual({ ok: true, proxies: { kind: "none" } });
  });
});
