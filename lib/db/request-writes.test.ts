import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { insertAttempt, makeProfile, outcome, pendingAttempt, type TestProfile } from "@/lib/testing/history";
import { completeRequest, insertPendingRequest, type PendingRequest } from "./requests";
import { readRollups } from "./rollups";

const N = 30;

describe.each(DIALECTS)("attempts written together (group commit) on $name", (dialect) => {
  let t: TestDatabase;
  let profile: TestProfile;
  let profileId: string;
  beforeAll(async () => {
    t = await dialect.open();
    profile = await makeProfile(t.db, "Batched", 1400777000);
    profileId = profile.id;
  });
  afterAll(async () => t.close());

  const pending = (over: Partial<PendingRequest> = {}) =>
    pendingAttempt(profile, { robotAccount: "robot-b", callees: ["callee-b", "callee-b", "callee-c"], ...over });
  const inserted = (over: Partial<PendingRequest>) => insertAttempt(t.db, pending(over));

  it("writes attempts arriving together in fewer transactions than attempts, each with its users", async () => {
    const spy = vi.spyOn(t.db, "transaction");
    try {
      const results = await Promise.all(
        Array.from({ length: N }, (_, i) => insertPendingRequest(t.db, pending({ clientToken: `together-${i}` }))),
      );
      expect(results.every((r) => r.inserted)).toBe(true);
      expect(spy.mock.calls.length).toBeLessThan(N);
    } finally {
      spy.mockRestore();
    }
    const rows = await t.db
      .selectFrom("requests")
      .select(["id", "client_token", "outcome"])
      .where("client_token", "like", "together-%")
      .execute();
    expect(rows).toHaveLength(N);
    expect(new Set(rows.map((r) => r.id)).size).toBe(N);
    expect(rows.every((r) => r.outcome === "pending")).toBe(true);
    const users = await t.db
      .selectFrom("request_users")
      .select(["request_pk", "role"])
      .where(
        "request_pk",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    // The robot and two distinct callees each (the repeated callee is searchable once).
    expect(users).toHaveLength(N * 3);
  });

  it("finds the earlier attempt of a reused token, in the database or in the same batch, and writes it once", async () => {
    const first = await inserted({ clientToken: "reused-1" });
    const [again, twinA, twinB] = await Promise.all([
      insertPendingRequest(t.db, pending({ clientToken: "reused-1" })),
      insertPendingRequest(t.db, pending({ clientToken: "twin-1" })),
      insertPendingRequest(t.db, pending({ clientToken: "twin-1" })),
    ]);
    expect(again).toMatchObject({ inserted: false, existing: { id: first.id } });
    expect(twinA.inserted).toBe(true);
    expect(twinB).toMatchObject({ inserted: false, existing: { id: twinA.inserted ? twinA.id : "" } });
    const count = await t.db
      .selectFrom("requests")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("client_token", "in", ["reused-1", "twin-1"])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it("fails only the bad write of a batch: the others are written", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        // A profile that does not exist breaks the foreign key: that insert alone is refused.
        insertPendingRequest(t.db, pending({ clientToken: `mixed-${i}`, profileId: i === 3 ? "no-such-profile" : profileId })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    const rows = await t.db.selectFrom("requests").select("client_token").where("client_token", "like", "mixed-%").execute();
    expect(rows.map((r) => r.client_token).sort()).toEqual(["mixed-0", "mixed-1", "mixed-2", "mixed-4", "mixed-5"]);
  });

  it("completes outcomes arriving together, each counted in its rollup once, a second completion ignored", async () => {
    const hour = new Date().toISOString().slice(0, 13);
    const before = (await readRollups(t.db, hour)).filter((r) => r.profile_key === profileId);
    const sum = (rows: typeof before, outcomeKind: string, code: number) =>
      rows.filter((r) => r.outcome === outcomeKind && r.error_code === code).reduce((a, r) => a + r.attempts, 0);
    const entries = await Promise.all(Array.from({ length: N }, (_, i) => inserted({ clientToken: `complete-${i}` })));
    const done = await Promise.all(
      entries.map((entry, i) =>
        completeRequest(
          t.db,
          entry,
          i % 3 === 0
            ? outcome({ outcome: "api-error", actionStatus: "FAIL", errorCode: 70107, errorInfo: "not imported", latencyMs: 120 })
            : outcome({
                requestId: `Id-${String(i).padStart(32, "0")}-O-Seq-1`,
                callId: `call-${i}`,
                responseBody: '{"ActionStatus":"OK"}',
              }),
        ),
      ),
    );
    expect(done.map((e) => e.outcome)).toEqual(entries.map((_, i) => (i % 3 === 0 ? "api-error" : "ok")));
    // A second outcome for the same attempts (a late duplicate) changes nothing and is not counted.
    await Promise.all(entries.slice(0, 5).map((entry) => completeRequest(t.db, entry, outcome({ errorCode: 1, outcome: "api-error" }))));
    const rows = await t.db.selectFrom("requests").selectAll().where("client_token", "like", "complete-%").execute();
    const byToken = new Map(rows.map((r) => [r.client_token, r]));
    expect(byToken.get("complete-0")).toMatchObject({ outcome: "api-error", error_code: 70107, latency_ms: 120 });
    expect(byToken.get("complete-1")).toMatchObject({ outcome: "ok", call_id: "call-1", request_key: "00000000000000000000000000000001" });
    const after = (await readRollups(t.db, hour)).filter((r) => r.profile_key === profileId);
    expect(sum(after, "api-error", 70107) - sum(before, "api-error", 70107)).toBe(N / 3);
    expect(sum(after, "ok", 0) - sum(before, "ok", 0)).toBe(N - N / 3);
    expect(sum(after, "api-error", 1)).toBe(0);
  });
});
