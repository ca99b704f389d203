/**
 * A token bucket per key, in this process: `burst` at once, refilled at
 * `perSecond`. Several instances each keep their own (documented in README).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    // Full buckets carry no information: forget them so the map stays small.
    if (this.buckets.size > 10_000) for (const [k, b] of this.buckets) if (b.tokens >= this.burst - 1) this.buckets.delete(k);
    return allowed;
  }
}
