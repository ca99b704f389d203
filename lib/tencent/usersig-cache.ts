import { createHash } from "node:crypto";
import { genUserSig } from "./usersig";

export interface SignerParams {
  sdkAppId: number;
  identifier: string;
  secretKey: string;
}

function keyOf(params: SignerParams): string {
  const keyHash = createHash("sha256").update(params.secretKey).digest("hex");
  return `${params.sdkAppId}\n${params.identifier}\n${keyHash}`;
}

interface CachedSig {
  userSig: string;
  expiresAt: number;
  renewAt: number;
}

/**
 * Keeps one UserSig per app, identifier and key until little of its life is
 * left, so a burst of requests does not sign each time. Changing the key
 * (rotation) changes the cache key, so an old signature is never reused, and
 * a signature-class answer (isSignatureError) drops the entry, so the next
 * send signs a new one.
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

  get(params: SignerParams): string {
    const now = this.options.now?.() ?? Math.floor(Date.now() / 1000);
    const expireSeconds = this.options.expireSeconds ?? 86_400;
    const renewShare = this.options.renewShare ?? 0.1;
    const cacheKey = keyOf(params);
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

  /** Forgets the signature of this app, identifier and key; true when there was one. */
  drop(params: SignerParams): boolean {
    return this.entries.delete(keyOf(params));
  }

  clear(): void {
    this.entries.clear();
  }
}
