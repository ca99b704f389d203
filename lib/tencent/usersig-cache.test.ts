import { describe, expect, it } from "vitest";
import { decodeUserSig } from "./usersig";
import { UserSigCache } from "./usersig-cache";

describe("UserSigCache", () => {
  it("reuses a UserSig until little of its life is left, then renews", () => {
    let now = 1_000_000;
    const cache = new UserSigCache({ expireSeconds: 1000, renewShare: 0.1, now: () => now });
    const params = { sdkAppId: 1, identifier: "administrator", secretKey: "k" };
    const first = cache.get(params);
    now += 899;
    expect(cache.get(params)).toBe(first);
    now += 1;
    const second = cache.get(params);
    expect(second).not.toBe(first);
    expect(decodeUserSig(second).time).toBe(1_000_900);
  });

  it("never reuses a UserSig across keys, apps or identifiers", () => {
    const cache = new UserSigCache({ now: () => 5 });
    const a = cache.get({ sdkAppId: 1, identifier: "administrator", secretKey: "k1" });
    expect(cache.get({ sdkAppId: 1, identifier: "administrator", secretKey: "k2" })).not.toBe(a);
    expect(cache.get({ sdkAppId: 2, identifier: "administrator", secretKey: "k1" })).not.toBe(a);
    expect(decodeUserSig(cache.get({ sdkAppId: 1, identifier: "admin2", secretKey: "k1" })).identifier).toBe("admin2");
  });

  it("drops one signer's UserSig, so the next get signs a new one", () => {
    let now = 100;
    const cache = new UserSigCache({ now: () => now });
    const params = { sdkAppId: 1, identifier: "administrator", secretKey: "k" };
    const other = { ...params, identifier: "admin2" };
    const first = cache.get(params);
    const kept = cache.get(other);
    now = 160;
    expect(cache.get(params)).toBe(first);
    expect(cache.drop(params)).toBe(true);
    expect(cache.drop(params)).toBe(false);
    expect(decodeUserSig(cache.get(params)).time).toBe(160);
    expect(cache.get(other)).toBe(kept);
  });
});
