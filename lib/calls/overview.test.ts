import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProfile } from "@/lib/db/profiles";
import { completeRequest, insertPendingRequest, type CompletedOutcome } from "@/lib/db/requests";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { overviewWindow } from "./overview";

describe.each(DIALECTS)("the overview from rollups on $name", (dialect) => {
  let t: TestDatabase;
  let profileId: string;
  beforeAll(async () => {
    t = await dialect.open();
    profileId = await createProfile(t.db, {
      name: "Charted",
      kind: "custom",
      sdk_app_id: 1400999000,
      admin_identifier: "administrator",
      region: "singapore",
      base_url: null,
      secret_key_enc: "x",
      key_fingerprint: "…x",
    });
  });
  afterAll(async () => t.close());

  const attempt = async (result: Partial<CompletedOutcome>, background = false) => {
    const r = await insertPendingRequest(t.db, {
      clientToken: null,
      command: "call_engine_http_srv/start_call_by_robot",
      profileId,
      profileName: "Charted",
      sdkAppId: 1400999000,
      adminIdentifier: "administrator",
      baseUrl: "https://example.test",
      operator: null,
      url: "https://example.test/v4/x",
      random: 1,
      requestBody: {},
      robotAccount: "r",
      callees: ["c"],
      background,
    });
    if (!r.inserted) throw new Error("not inserted");
    await completeRequest(t.db, r.entry, {
      outcome: "ok",
      httpStatus: 200,
      actionStatus: "OK",
      errorCode: 0,
      errorInfo: "",
      requestId: null,
      callId: null,
      callResult: null,
      responseBody: null,
      detail: null,
      latencyMs: 40,
      ...result,
    });
  };

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
