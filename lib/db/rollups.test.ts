import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { insertAttempt, makeProfile, outcome, pendingAttempt, type TestProfile } from "@/lib/testing/history";
import { findCallStart, listCallRequests, listCallStarts } from "./calls";
import { completeRequest, type PendingRequest } from "./requests";
import { listRequests } from "./history-list";
import { BUCKET_COLUMNS, bucketOf, percentileOf, readRollups, rebuildRollups } from "./rollups";

describe.each(DIALECTS)("rollups, follow-ups and background reads on $name", (dialect) => {
  let t: TestDatabase;
  let profile: TestProfile;
  let profileId: string;
  beforeAll(async () => {
    t = await dialect.open();
    profile = await makeProfile(t.db, "Rolled", 1400555000);
    profileId = profile.id;
  });
  afterAll(async () => t.close());

  const insert = (over: Partial<PendingRequest> = {}) =>
    insertAttempt(t.db, pendingAttempt(profile, { robotAccount: "robot-r", callees: ["callee-r"], ...over }));
  const snapshot = async () =>
    (await readRollups(t.db, "0000"))
      .filter((r) => r.profile_key === profileId)
      .map((r) => ({ ...r }))
      .sort((a, b) => `${a.hour}${a.outcome}${a.error_code}`.localeCompare(`${b.hour}${b.outcome}${b.error_code}`));

  it("counts each completed attempt once, in its creation hour, with its latency bucket, and matches a rebuild", async () => {
    const a = await insert();
    const b = await insert();
    const c = await insert();
    await completeRequest(t.db, a, outcome({ latencyMs: 40 }));
    await completeRequest(t.db, b, outcome({ outcome: "api-error", errorCode: 70107, latencyMs: 4000 }));
    // Completing again changes nothing: only a pending row completes.
    await completeRequest(t.db, a, outcome({ latencyMs: 9999 }));
    // A late completion still counts in the hour it was sent.
    const lateHour = "2020-01-01T03";
    await t.db
      .updateTable("requests")
      .set({ created_at: `${lateHour}:15:00.000Z` })
      .where("id", "=", c.id)
      .execute();
    await completeRequest(
      t.db,
      { ...c, created_at: `${lateHour}:15:00.000Z` },
      outcome({ outcome: "timeout", errorCode: null, latencyMs: null }),
    );

    const rows = await snapshot();
    const hour = a.created_at.slice(0, 13);
    expect(rows.map((r) => [r.hour, r.outcome, r.error_code, r.attempts, r.latency_count, r.latency_sum])).toEqual(
      [
        [lateHour, "timeout", 0, 1, 0, 0],
        [hour, "api-error", 70107, 1, 1, 4000],
        [hour, "ok", 0, 1, 1, 40],
      ].sort((x, y) => `${x[0]}${x[1]}${x[2]}`.localeCompare(`${y[0]}${y[1]}${y[2]}`)),
    );
    const ok = rows.find((r) => r.outcome === "ok");
    expect(BUCKET_COLUMNS.map((col) => ok?.[col])).toEqual(BUCKET_COLUMNS.map((_, i) => (i === bucketOf(40) ? 1 : 0)));

    await rebuildRollups(t.db, t.dialect);
    expect(await snapshot()).toEqual(rows);
  });

  it("keeps a follow-up's CallId, robot and callees, and hides background reads from the list by default", async () => {
    const start = await insert({ robotAccount: "robot-f", callees: ["callee-f"] });
    await completeRequest(t.db, start, outcome({ callId: "call-f" }));
    const read = await insert({
      command: "call_engine_http_srv/get_call_info",
      callId: "call-f",
      background: true,
      robotAccount: "robot-f",
      callees: ["callee-f"],
    });
    const completed = await completeRequest(t.db, read, outcome());
    expect(completed.call_id).toBe("call-f");
    expect((await findCallStart(t.db, "call-f"))?.id).toBe(start.id);
    expect((await listCallRequests(t.db, ["call-f"])).map((r) => [r.command, r.call_id, r.robot_account, r.background])).toEqual([
      ["call_engine_http_srv/start_call_by_robot", "call-f", "robot-f", 0],
      ["call_engine_http_srv/get_call_info", "call-f", "robot-f", 1],
    ]);
    const ids = async (background?: "1") => (await listRequests(t.db, { q: "call-f", background, limit: 10 })).entries.map((e) => e.id);
    expect(await ids()).toEqual([start.id]);
    expect(await ids("1")).toEqual([read.id, start.id]);
    expect((await listCallStarts(t.db, { robot: "robot-f", limit: 10 })).starts.map((s) => s.id)).toEqual([start.id]);
    expect((await listCallStarts(t.db, { callee: "robot-f", limit: 10 })).starts).toEqual([]);
  });
});

describe("percentiles from a histogram", () => {
  it("reports the upper bound of the bucket holding the rank", () => {
    const counts = BUCKET_COLUMNS.map(() => 0);
    counts[bucketOf(30)] = 50; // 25 < x <= 50
    counts[bucketOf(900)] = 45; // 750 < x <= 1000
    counts[bucketOf(60_000)] = 5; // above 10 s
    expect(percentileOf(counts, 0.5)).toEqual({ ms: 50, above: false });
    expect(percentileOf(counts, 0.95)).toEqual({ ms: 1000, above: false });
    expect(percentileOf(counts, 0.99)).toEqual({ ms: 10_000, above: true });
    expect(
      percentileOf(
        BUCKET_COLUMNS.map(() => 0),
        0.5,
      ),
    ).toBeNull();
  });
});
