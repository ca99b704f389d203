import { createHash } from "node:crypto";
import { genUserSig } from "./usersig";

interface CachedSig {
  userSig: string;
  expiresAt: number;
  renewAt: number;
}

/**
 * Keeps one UserSig per app, identifier and key until little of its life is
 * left, so a burst of requests does not sign each time. Changing the key
 * (rotation) changes the cache key, so an old signature is never reused.
 */
export class UserSigCache {
  private readonly entries = new Map<string, CachedSig>();

  constructor(
    private readonly options: {
      /** Validity of each UserSig, seconds. */
      expireSeconds?: number;
      /** Renew once less than this share of the validity is left. */
      renewShare?: number;
      now?: () => number;
    } = {},
  ) {}

  get(params: { sdkAppId: number; identifier: string; secretKey: string }): string {
    const now = this.options.now?.() ?? Math.floor(Date.now() / 1000);
    const expireSeconds = this.options.expireSeconds ?? 86_400;
    const renewShare = this.options.renewShare ?? 0.1;
    const keyHash = createHash("sha256").update(params.secretKey).digest("hex");
    const cacheKey = `${params.sdkAppId}\n${params.identifier}\n${keyHash}`;
    const cached = this.entries.get(cacheKey);
    if (cached && now < cached.renewAt) return cached.userSig;
    const userSig = genUserSig({ ...params, expireSeconds, now });
    this.entries.set(cacheKey, {
      userSig,
      expiresAt: now + expireSeconds,
      renewAt: now + Math.floor(expireSeconds * (1 - renewShare)),
    });
    return userSig;
  }

  clear(): void {
    this.entries.clear();
  }
}
