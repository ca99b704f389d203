import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompletedOutcome } from "@/lib/db/requests";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { makeProfile, outcome, pendingAttempt, recordAttempt, type TestProfile } from "@/lib/testing/history";
import { overviewWindow } from "./overview";

describe.each(DIALECTS)("the overview from rollups on $name", (dialect) => {
  let t: TestDatabase;
  let profile: TestProfile;
  let profileId: string;
  beforeAll(async () => {
    t = await dialect.open();
    profile = await makeProfile(t.db, "Charted", 1400999000);
    profileId = profile.id;
  });
  afterAll(async () => t.close());

  const attempt = (result: Partial<CompletedOutcome>, background = false) =>
    recordAttempt(t.db, pendingAttempt(profile, { robotAccount: "r", callees: ["c"], background }), outcome(result));

  it("counts outcomes, top codes and latency per profile and per hour; background reads are left out", async () => {
    for (let i = 0; i < 8; i++) await attempt({ latencyMs: 40 });
    await attempt({ outcome: "api-error", errorCode: 60007, latencyMs: 900 });
    await attempt({ outcome: "api-error", errorCode: 60007, latencyMs: 900 });
    await attempt({ outcome: "timeout", errorCode: null, latencyMs: null });
    await attempt({ latencyMs: 5 }, true);
    const window = await overviewWindow(t.db, "24 h", 24, new Date());
    const stats = window.stats.find((s) => s.profileId === profileId);
    expect(stats).toMatchObject({
      total: 11,
      byOutcome: { ok: 8, "api-error": 2, timeout: 1 },
      topErrors: [{ code: 60007, count: 2 }],
      latency: { median: { ms: 50, above: false }, p95: { ms: 1000, above: false }, samples: 10 },
    });
    const series = window.series.find((s) => s.profileId === profileId);
    expect(series?.hours).toHaveLength(24);
    expect(series?.topCodes).toEqual([60007]);
    const last = series?.hours[23];
    expect(last).toMatchObject({ outcomes: { ok: 8, "api-error": 2, timeout: 1 }, errors: { "60007": 2 }, p50: 50, p95: 1000 });
    expect(window.series[0]?.profileName).toBe("All profiles");
    expect(window.series[0]?.hours[23]?.outcomes.ok).toBeGreaterThanOrEqual(8);
  });
});
