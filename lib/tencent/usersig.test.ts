import { deflateSync } from "node:zlib";
import { Api } from "tls-sig-api-v2";
import { afterEach, describe, expect, it, vi } from "vitest";
import { UserSigFormatError, decodeUserSig, genUserSig, hmacSig, verifyUserSig } from "./usersig";

const KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

function encode(doc: unknown): string {
  return deflateSync(Buffer.from(JSON.stringify(doc)))
    .toString("base64")
    .replace(/\+/g, "*")
    .replace(/\//g, "-")
    .replace(/=/g, "_");
}

describe("UserSig test vectors (reference §6)", () => {
  it.each([
    {
      key: KEY,
      sdkAppId: 1400000000,
      identifier: "xiaojun",
      time: 1700000000,
      expire: 15552000,
      sig: "LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=",
    },
    {
      key: KEY,
      sdkAppId: 1400000000,
      identifier: "administrator",
      time: 1700000000,
      expire: 86400,
      sig: "yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=",
    },
    { key: "2", sdkAppId: 1, identifier: "3", time: 1700000000, expire: 4, sig: "f5gSvBYdWRemW5KQRjxvTzWiOlJwFEuyR7UEE4EjP6o=" },
  ])("signs $identifier@$sdkAppId to $sig", ({ key, sdkAppId, identifier, time, expire, sig }) => {
    expect(hmacSig({ secretKey: key, sdkAppId, identifier, time, expire })).toBe(sig);
    const userSig = genUserSig({ secretKey: key, sdkAppId, identifier, expireSeconds: expire, now: time });
    expect(decodeUserSig(userSig)).toEqual({ version: "2.0", identifier, sdkAppId, time, expire, sig });
  });

  it("keys the HMAC with the key's UTF-8 text, not its hex bytes", () => {
    const sig = hmacSig({ secretKey: KEY, sdkAppId: 1400000000, identifier: "xiaojun", time: 1700000000, expire: 15552000 });
    expect(sig).not.toBe("rCyTws/JgfDC71c532blmFU9CpuHrkHgh4ctiETT+fE=");
  });

  it("only uses the UserSig alphabet", () => {
    const userSig = genUserSig({ secretKey: KEY, sdkAppId: 1400000000, identifier: "a", expireSeconds: 60, now: 1 });
    expect(userSig).toMatch(/^[A-Za-z0-9*\-_]+$/);
  });
});

describe("cross-check with the official tls-sig-api-v2 package", () => {
  afterEach(() => vi.useRealTimers());

  it.each(["administrator", "xiaojun", "robot_01", "用户"])("matches TLS.sig for %s and verifies its output", (identifier) => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(1_750_000_000_000));
    const official = new Api(1400123456, KEY).genUserSig(identifier, 604800);
    const ours = genUserSig({ sdkAppId: 1400123456, secretKey: KEY, identifier, expireSeconds: 604800, now: 1_750_000_000 });
    const a = decodeUserSig(official);
    const b = decodeUserSig(ours);
    expect(a.sig).toBe(b.sig);
    expect(a).toEqual(b);
    const verdict = verifyUserSig({ userSig: official, sdkAppId: 1400123456, secretKey: KEY, identifier, now: 1_750_000_100 });
    expect(verdict).toMatchObject({ ok: true, secondsLeft: 604800 - 100 });
  });
});

describe("decodeUserSig", () => {
  it.each([
    ["", /empty/],
    ["abc def", /alphabet/],
    ["%2A%2A", /alphabet/],
    ["AAAAAAAA", /decompress/],
  ])("rejects %j with a precise reason", (input, reason) => {
    expect(() => decodeUserSig(input)).toThrow(UserSigFormatError);
    expect(() => decodeUserSig(input)).toThrow(reason);
  });

  it("rejects a truncated UserSig", () => {
    const userSig = genUserSig({ secretKey: KEY, sdkAppId: 1400000000, identifier: "administrator", expireSeconds: 60 });
    expect(() => decodeUserSig(userSig.slice(0, userSig.length - 12))).toThrow(UserSigFormatError);
  });

  it("names the missing field", () => {
    expect(() =>
      decodeUserSig(encode({ "TLS.ver": "2.0", "TLS.identifier": "a", "TLS.sdkappid": 1, "TLS.time": 1, "TLS.sig": "x" })),
    ).toThrow(/TLS.expire/);
    expect(() => decodeUserSig(encode(["not", "an", "object"]))).toThrow(/JSON object/);
  });
});

describe("verifyUserSig", () => {
  const make = (over: Partial<{ identifier: string; sdkAppId: number; now: number; expire: number; key: string }> = {}) =>
    genUserSig({
      secretKey: over.key ?? KEY,
      sdkAppId: over.sdkAppId ?? 1400000000,
      identifier: over.identifier ?? "administrator",
      expireSeconds: over.expire ?? 3600,
      now: over.now ?? 1_700_000_000,
    });
  const verify = (userSig: string, now = 1_700_000_010) =>
    verifyUserSig({ userSig, sdkAppId: 1400000000, secretKey: KEY, identifier: "administrator", now });

  it("accepts a good signature and tells the time left", () => {
    expect(verify(make())).toMatchObject({ ok: true, expiresAt: 1_700_003_600, secondsLeft: 3590 });
  });
  it("reports each failure reason", () => {
    expect(verify("garbage!")).toMatchObject({ ok: false, reason: "malformed" });
    expect(verify(make({ sdkAppId: 1400000001 }))).toMatchObject({ ok: false, reason: "sdkappid-mismatch" });
    expect(verify(make({ identifier: "bob" }))).toMatchObject({ ok: false, reason: "identifier-mismatch" });
    expect(verify(make({ key: "another-key" }))).toMatchObject({ ok: false, reason: "bad-signature" });
    expect(verify(make(), 1_700_003_601)).toMatchObject({ ok: false, reason: "expired" });
  });
  it("is still valid at the last second", () => {
    expect(verify(make(), 1_700_003_600)).toMatchObject({ ok: true, secondsLeft: 0 });
  });
});
