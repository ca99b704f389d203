import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { outcome, pendingAttempt } from "@/lib/testing/history";
import { createProfile, getProfileSummary, listProfiles, upsertProfile } from "./profiles";
import { statsSince } from "./stats";
import { completeRequest, findByRequestId, getRequest, insertPendingRequest, type PendingRequest } from "./requests";
import { listRequests } from "./history-list";

describe.each(DIALECTS)("history and profiles on $name", (dialect) => {
  let t: TestDatabase;
  let profileId: string;

  beforeAll(async () => {
    t = await dialect.open();
    profileId = await createProfile(t.db, {
      name: "Staging",
      kind: "custom",
      sdk_app_id: 1400123456,
      admin_identifier: "administrator",
      region: "singapore",
      base_url: null,
      secret_key_enc: "v1:iv:tag:ct",
      key_fingerprint: "…abcd",
    });
  });
  afterAll(async () => t.close());

  const pending = (over: Partial<PendingRequest> = {}): PendingRequest =>
    pendingAttempt(
      { id: profileId, name: "Staging", sdkAppId: 1400123456 },
      {
        baseUrl: "https://adminapisgp.im.qcloud.com",
        url: "https://adminapisgp.im.qcloud.com/v4/call_engine_http_srv/start_call_by_robot?usersig=<USERSIG>",
        random: 4294967295,
        requestBody: { Robot_Account: "robot", CalleeList_Account: ["alice", "bob"] },
        robotAccount: "robot",
        callees: ["alice", "bob"],
        ...over,
      },
    );

  it("keeps profile summaries free of the encrypted key", async () => {
    const summary = await getProfileSummary(t.db, profileId);
    expect(summary).toMatchObject({ name: "Staging", sdk_app_id: 1400123456, region: "singapore" });
    expect(summary).not.toHaveProperty("secret_key_enc");
    const all = await listProfiles(t.db);
    expect(all.map((p) => p.id)).toContain(profileId);
    for (const profile of all) expect(profile).not.toHaveProperty("secret_key_enc");
  });

  it("orders the built-in profiles first", async () => {
    await upsertProfile(t.db, "simulator", {
      name: "Simulator",
      kind: "simulator",
      sdk_app_id: 1400000001,
      admin_identifier: "administrator",
      region: null,
      base_url: null,
      secret_key_enc: "v1:a:b:c",
      key_fingerprint: "…0000",
    });
    expect((await listProfiles(t.db)).map((p) => p.name)).toEqual(["Simulator", "Staging"]);
  });

  it("writes an attempt as pending, then completes it, with large numbers intact", async () => {
    const inserted = await insertPendingRequest(t.db, pending());
    if (!inserted.inserted) throw new Error("the attempt was not inserted");
    const before = await getRequest(t.db, inserted.id);
    expect(before).toMatchObject({
      outcome: "pending",
      random: 4294967295,
      sdk_app_id: 1400123456,
      callees: ["alice", "bob"],
      completed_at: null,
    });
    expect(before?.requestBody).toEqual({ Robot_Account: "robot", CalleeList_Account: ["alice", "bob"] });

    const returned = await completeRequest(t.db, inserted.entry, {
      outcome: "ok",
      httpStatus: 200,
      actionStatus: "OK",
      errorCode: 0,
      errorInfo: "",
      requestId: "Id-aaaa-O-Seq-1",
      callId: "call-1",
      callResult: [{ Callee_Account: "alice", ResultCode: 0 }],
      responseBody: '{"ActionStatus":"OK"}',
      detail: null,
      latencyMs: 42,
    });
    const after = await getRequest(t.db, inserted.id);
    expect(after).toEqual(returned);
    expect(after).toMatchObject({
      outcome: "ok",
      request_id: "Id-aaaa-O-Seq-1",
      call_id: "call-1",
      latency_ms: 42,
      callResult: [{ Callee_Account: "alice", ResultCode: 0 }],
      response: { ActionStatus: "OK" },
    });
    expect(after?.completed_at).not.toBeNull();
    expect((await findByRequestId(t.db, "Id-aaaa-O-Seq-1"))?.id).toBe(inserted.id);
  });

  it("never inserts a second attempt for the same client token", async () => {
    const first = await insertPendingRequest(t.db, pending({ clientToken: "token-1" }));
    const second = await insertPendingRequest(t.db, pending({ clientToken: "token-1" }));
    if (!first.inserted || second.inserted) throw new Error("expected the first submission inserted and the second refused");
    expect(second.existing.id).toBe(first.id);
  });

  it("holds concurrent submissions of one token to one row", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => insertPendingRequest(t.db, pending({ clientToken: "token-race" }))));
    expect(results.filter((r) => r.inserted)).toHaveLength(1);
    const page = await listRequests(t.db, { limit: 200 });
    expect(page.entries.filter((e) => e.client_token === "token-race")).toHaveLength(1);
  });

  it("lists newest first with keyset pages and finds entries by RequestId, CallId or UserID", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await insertPendingRequest(t.db, pending({ robotAccount: `robot-${i}`, callees: [`callee-${i}`, "shared-callee"] }));
      if (!r.inserted) throw new Error(`attempt ${i} was not inserted`);
      ids.push(r.id);
    }
    const first = await listRequests(t.db, { limit: 3 });
    expect(first.entries.map((e) => e.id)).toEqual(ids.slice(-3).reverse());
    expect(first.nextCursor).toBe(ids[4]);
    const second = await listRequests(t.db, { limit: 3, cursor: first.nextCursor ?? undefined });
    expect(second.entries.map((e) => e.id)).toEqual(ids.slice(1, 4).reverse());
    expect(second.nextCursor).toBe(ids[1]);
    // The third page goes on where the second ended: the oldest of the seven first, nothing seen before.
    const third = await listRequests(t.db, { limit: 3, cursor: second.nextCursor ?? undefined });
    expect(third.entries[0]?.id).toBe(ids[0]);
    expect(third.entries.map((e) => e.id).filter((id) => ids.slice(1).includes(id))).toEqual([]);

    expect((await listRequests(t.db, { q: "callee-3", limit: 10 })).entries.map((e) => e.id)).toEqual([ids[3]]);
    expect((await listRequests(t.db, { q: "robot-5", limit: 10 })).entries.map((e) => e.id)).toEqual([ids[5]]);
    expect((await listRequests(t.db, { q: "shared-callee", limit: 10 })).entries).toHaveLength(7);
    expect((await listRequests(t.db, { q: "call-1", limit: 10 })).entries).toHaveLength(1);
    expect((await listRequests(t.db, { q: "Id-aaaa-O-Seq-1", limit: 10 })).entries).toHaveLength(1);
    expect((await listRequests(t.db, { q: "nobody", limit: 10 })).entries).toHaveLength(0);
  });

  it("filters by partial RequestId, outcome, error code, command, profile, operator and time", async () => {
    const make = async (over: Partial<PendingRequest>, outcome: Parameters<typeof completeRequest>[2]) => {
      const r = await insertPendingRequest(t.db, pending(over));
      if (!r.inserted) throw new Error("not inserted");
      await completeRequest(t.db, r.entry, outcome);
      return r.id;
    };
    const base = {
      httpStatus: 200,
      actionStatus: "OK",
      errorInfo: "",
      callId: null,
      callResult: null,
      responseBody: null,
      detail: null,
      latencyMs: 10,
    };
    const okId = await make(
      { operator: { id: "user-a", email: "a@x" }, robotAccount: "filter-robot" },
      { ...base, outcome: "ok", errorCode: 0, requestId: "Id-0123456789ABCDEF0123456789abcdef-O-Seq-1" },
    );
    const failId = await make(
      { operator: { id: "user-b", email: "b@x" }, robotAccount: "filter-robot", command: "call_engine_http_srv/end_call" },
      { ...base, outcome: "api-error", errorCode: 70107, actionStatus: "FAIL", requestId: "Id-0123456fffffffffffffffffffffffff-O-Seq-2" },
    );
    const ids = async (filters: Omit<Parameters<typeof listRequests>[1], "limit">) =>
      (await listRequests(t.db, { ...filters, limit: 50 })).entries.map((e) => e.id);

    expect(await ids({ q: "0123456789abcdef" })).toEqual([okId]);
    expect(await ids({ q: "Id-0123456789" })).toEqual([okId]);
    // A whole RequestId, as the search normalizes it (lower-case hex), finds the one stored with upper-case letters.
    expect(await ids({ q: "Id-0123456789abcdef0123456789abcdef-O-Seq-1" })).toEqual([okId]);
    expect(await ids({ q: "0123456" })).toEqual([failId, okId]);
    expect(await ids({ q: "0123456f" })).toEqual([failId]);
    expect(await ids({ q: "01234" })).toEqual([]); // too short to be a partial RequestId
    expect(await ids({ q: "filter-robot", outcome: "ok" })).toEqual([okId]);
    expect(await ids({ q: "filter-robot", code: 70107 })).toEqual([failId]);
    expect(await ids({ q: "filter-robot", command: "call_engine_http_srv/end_call" })).toEqual([failId]);
    expect(await ids({ q: "filter-robot", operator: "user-a" })).toEqual([okId]);
    expect(await ids({ q: "filter-robot", profile: profileId })).toEqual([failId, okId]);
    expect(await ids({ q: "filter-robot", profile: "other" })).toEqual([]);
    const now = Date.now();
    expect(await ids({ q: "filter-robot", from: new Date(now - 60_000).toISOString() })).toEqual([failId, okId]);
    expect(await ids({ q: "filter-robot", from: new Date(now + 60_000).toISOString() })).toEqual([]);
    expect(await ids({ q: "filter-robot", to: new Date(now - 60_000).toISOString() })).toEqual([]);
  });

  it("finds an attempt by its RequestId with or without a hex key: standard, non-standard, and a row older than the key", async () => {
    const write = async (requestId: string) => {
      const r = await insertPendingRequest(t.db, pending());
      if (!r.inserted) throw new Error("not inserted");
      return completeRequest(t.db, r.entry, outcome({ requestId }));
    };
    const standard = await write("Id-aaaabbbbccccddddeeeeffff00001111-O-Seq-7");
    const odd = await write("gateway-request-42");
    const legacy = await write("Id-9999bbbbccccddddeeeeffff00001111-O-Seq-1");
    // Rows written before the key existed (migration 0003 added it without filling it in).
    await t.db.updateTable("requests").set({ request_key: null }).where("id", "=", legacy.id).execute();
    for (const entry of [standard, odd, legacy]) {
      const id = entry.request_id ?? "";
      expect((await findByRequestId(t.db, id))?.id, id).toBe(entry.id);
      expect(
        (await listRequests(t.db, { q: id, limit: 50 })).entries.map((e) => e.id),
        id,
      ).toEqual([entry.id]);
    }
    expect(await findByRequestId(t.db, "Id-aaaabbbbccccddddeeeeffff00001111-O-Seq-8")).toBeUndefined();
  });

  it("pages through a search newest first, each entry once, though the text matches it more than once", async () => {
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      // The robot is also a callee, and the RequestId holds the robot's name: one row, several matches.
      const r = await insertPendingRequest(t.db, pending({ robotAccount: "paging-robot", callees: ["paging-robot", `callee-${i}`] }));
      if (!r.inserted) throw new Error("not inserted");
      await completeRequest(
        t.db,
        r.entry,
        outcome({ requestId: i === 3 ? "paging-robot" : null, callId: i === 5 ? "paging-robot" : null }),
      );
      made.push(r.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await listRequests(t.db, { q: "paging-robot", limit: 3, cursor });
      seen.push(...result.entries.map((e) => e.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual([...made].reverse());
  });

  it("sums up a window per profile: outcomes, top error codes, latency median and p95", async () => {
    const other = await createProfile(t.db, {
      name: "Stats",
      kind: "custom",
      sdk_app_id: 7,
      admin_identifier: "administrator",
      region: "china",
      base_url: null,
      secret_key_enc: "x",
      key_fingerprint: "…x",
    });
    const since = new Date(Date.now() - 1000);
    const latencies = Array.from({ length: 20 }, (_, i) => (i + 1) * 10); // 10..200 ms
    for (const [i, latency] of latencies.entries()) {
      const r = await insertPendingRequest(t.db, pending({ profileId: other, profileName: "Stats" }));
      if (!r.inserted) throw new Error(`attempt ${i} was not inserted`);
      const code = i < 12 ? 0 : i < 17 ? 70107 : 60007;
      await completeRequest(
        t.db,
        r.entry,
        outcome({
          outcome: code === 0 ? "ok" : "api-error",
          actionStatus: code === 0 ? "OK" : "FAIL",
          errorCode: code,
          latencyMs: latency,
        }),
      );
    }
    const stats = (await statsSince(t.db, since)).find((s) => s.profileId === other);
    expect(stats).toEqual({
      profileId: other,
      profileName: "Stats",
      total: 20,
      byOutcome: { ok: 12, "api-error": 8 },
      topErrors: [
        { code: 70107, count: 5 },
        { code: 60007, count: 3 },
      ],
      latency: { samples: 20, median: 100, p95: 190 },
    });
    expect((await statsSince(t.db, new Date(Date.now() + 60_000))).length).toBe(0);
  });

  it("keeps history when a profile is deleted", async () => {
    const other = await createProfile(t.db, {
      name: "Doomed",
      kind: "custom",
      sdk_app_id: 1,
      admin_identifier: "administrator",
      region: "china",
      base_url: null,
      secret_key_enc: "x",
      key_fingerprint: "…x",
    });
    const r = await insertPendingRequest(t.db, pending({ profileId: other, profileName: "Doomed" }));
    await t.db.deleteFrom("profiles").where("id", "=", other).execute();
    if (!r.inserted) throw new Error("the attempt was not inserted");
    expect(await getRequest(t.db, r.id)).toMatchObject({ profile_id: null, profile_name: "Doomed" });
  });
});
