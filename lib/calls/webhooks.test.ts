import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listCallEvents } from "@/lib/db/call-events";
import type { Database } from "@/lib/db/schema";
import { endOtherWebhookTokens, insertWebhookToken, webhookCounts } from "@/lib/db/webhook-tokens";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { makeProfile } from "@/lib/testing/history";
import { hashWebhookToken } from "./webhook-tokens";
import { receiveWebhook } from "./webhooks";

vi.stubEnv("WEBHOOK_BURST", "20");
vi.stubEnv("WEBHOOK_RATE_PER_SECOND", "1");
vi.stubEnv("WEBHOOK_MAX_EVENTS_PER_PROFILE", "10");

async function profileWithToken(db: Kysely<Database>, sdkAppId: number): Promise<{ id: string; token: string; tokenId: string }> {
  const { id } = await makeProfile(db, `App ${sdkAppId}`, sdkAppId);
  const token = randomBytes(32).toString("base64url");
  const tokenId = await insertWebhookToken(db, { profileId: id, tokenHash: hashWebhookToken(token), tokenEnc: "x" });
  return { id, token, tokenId };
}

describe.each(DIALECTS)("webhook receiver on $name", (dialect) => {
  let t: TestDatabase;
  let profileId: string;
  let token: string;
  beforeAll(async () => {
    t = await dialect.open();
    ({ id: profileId, token } = await profileWithToken(t.db, 1400123456));
  });
  afterAll(async () => t.close());

  const send = (command: string, body: unknown, sdkAppId: string | null = "1400123456", withToken: string | null = token) =>
    receiveWebhook(t.db, {
      token: withToken,
      sdkAppId,
      command,
      body: typeof body === "string" ? body : JSON.stringify(body),
      clientIp: "203.0.113.9",
    });

  it("stores the three documented events of a call and answers OK", async () => {
    const ok = { status: 200, body: { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 } };
    expect(
      await send("Call.CallbackAfterStartCall", {
        CallInfo: { CallId: "call-1", CallMediaType: "Audio", ChatGroupId: "", RoomId: "1", RoomIdType: 1 },
        UserList: [{ User_Account: "robot", Status: "Calling" }],
        EventTime: 1000,
      }),
    ).toEqual(ok);
    expect(
      await send("Call.CallbackAfterMemberChanged", {
        CallId: "call-1",
        UserList: [{ User_Account: 42, Status: "Calling" }],
        ChangedUserList: [{ User_Account: 42, ActionType: "Canncel_Invite" }],
        EventTime: 2000,
      }),
    ).toEqual(ok);
    expect(await send("Call.CallbackAfterEndCall", { CallRecord: { CallId: "call-1", CallResult: "Offline" }, EventTime: 3000 })).toEqual(
      ok,
    );
    const events = await listCallEvents(t.db, "call-1", profileId);
    expect(events.map((e) => [e.command, e.event_time, e.accepted, e.problems])).toEqual([
      ["Call.CallbackAfterStartCall", 1000, 1, null],
      ["Call.CallbackAfterMemberChanged", 2000, 1, null],
      ["Call.CallbackAfterEndCall", 3000, 1, null],
    ]);
    expect(JSON.parse(events[1]?.summary ?? "{}")).toMatchObject({ changes: [{ account: "42", action: "Canncel_Invite" }] });
    expect(JSON.parse(events[0]?.summary ?? "{}")).toMatchObject({ mediaType: "Audio" });
  });

  it("refuses events without the profile's live token (401), counts them, and stores nothing of them", async () => {
    const before = (await webhookCounts(t.db, profileId)).refused;
    const event = { CallRecord: { CallId: "call-x" } };
    const untokened = await send("Call.CallbackAfterEndCall", event, "1400123456", null);
    expect(untokened).toMatchObject({
      status: 401,
      body: { ActionStatus: "FAIL", ErrorInfo: expect.stringContaining("/api/webhooks/call-engine/<token>") },
    });
    const wrong = randomBytes(32).toString("base64url");
    expect((await send("Call.CallbackAfterEndCall", event, "1400123456", wrong)).status).toBe(401);
    expect((await send("Call.CallbackAfterEndCall", event, "1400123456", "short")).status).toBe(401);
    // The right token with another app's SdkAppid is not this profile's event.
    expect((await send("Call.CallbackAfterEndCall", event, "1499999999")).status).toBe(401);
    expect((await send("Call.CallbackAfterEndCall", event, "not-a-number")).status).toBe(401);
    expect(await t.db.selectFrom("call_events").selectAll().where("call_id", "=", "call-x").execute()).toEqual([]);
    // Each named this profile, by its token or its SdkAppid; an event naming no profile is counted apart.
    expect((await webhookCounts(t.db, profileId)).refused - before).toBe(5);
    expect((await send("Call.CallbackAfterEndCall", event, "1499999999", null)).status).toBe(401);
    expect((await webhookCounts(t.db, "-")).refused).toBe(1);
  });

  it("a rotated token keeps working until its grace ends, then is refused", async () => {
    const app = await profileWithToken(t.db, 1400200001);
    const fresh = randomBytes(32).toString("base64url");
    const freshId = await insertWebhookToken(t.db, { profileId: app.id, tokenHash: hashWebhookToken(fresh), tokenEnc: "x" });
    await endOtherWebhookTokens(t.db, app.id, freshId, new Date(Date.now() + 3_600_000));
    const post = (tok: string) => send("Call.CallbackAfterEndCall", { CallRecord: { CallId: "rot" } }, "1400200001", tok);
    expect((await post(app.token)).status).toBe(200);
    expect((await post(fresh)).status).toBe(200);
    await endOtherWebhookTokens(t.db, app.id, freshId, new Date(Date.now() - 1000));
    expect((await post(app.token)).status).toBe(401);
    expect((await post(fresh)).status).toBe(200);
  });

  it("rate limits each profile (dropped, 429) and caps its storage, removing the oldest first", async () => {
    const app = await profileWithToken(t.db, 1400200002);
    const answers: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      answers.push((await send("Call.CallbackAfterEndCall", { CallRecord: { CallId: `cap-${i}` } }, "1400200002", app.token)).status);
    }
    const accepted = answers.filter((a) => a === 200).length;
    expect(accepted).toBeGreaterThanOrEqual(20);
    expect(accepted).toBeLessThan(25);
    expect(answers.filter((a) => a !== 200).every((a) => a === 429)).toBe(true);
    const counts = await webhookCounts(t.db, app.id);
    expect(counts).toEqual({ accepted, refused: 0, dropped: 25 - accepted, trimmed: accepted - 10 });
    const kept = await t.db.selectFrom("call_events").select("call_id").where("profile_id", "=", app.id).orderBy("id").execute();
    expect(kept.map((k) => k.call_id)).toEqual(
      answers
        .map((a, i) => (a === 200 ? `cap-${i}` : null))
        .filter((x) => x !== null)
        .slice(-10),
    );
  });

  it("keeps events whose text holds NUL characters (PostgreSQL text cannot), marking the change", async () => {
    // A NUL escaped inside the JSON: the parsed CallId holds one.
    expect((await send("Call.CallbackAfterEndCall", '{"CallRecord": {"CallId": "call-\\u0000nul", "CallResult": "Reject"}}')).status).toBe(
      200,
    );
    const [escaped] = await listCallEvents(t.db, "call-\uFFFDnul", profileId);
    expect(escaped?.call_id).toBe("call-\uFFFDnul");
    // A raw NUL in a body that is not JSON at all.
    expect((await send("Call.CallbackAfterEndCall", "garbage\u0000tail")).status).toBe(200);
    const raw = await t.db.selectFrom("call_events").selectAll().where("payload", "=", "garbage\uFFFDtail").executeTakeFirstOrThrow();
    expect(JSON.parse(raw.problems ?? "[]")).toEqual(["the body is not JSON", "NUL characters were replaced by U+FFFD"]);
  });

  it("keeps a malformed body whole, lists the problems, and still answers OK", async () => {
    const answer = await send("Call.CallbackAfterMemberChanged", '{"CallId": "call-2", "UserList": ');
    expect(answer.status).toBe(200);
    const row = await t.db
      .selectFrom("call_events")
      .selectAll()
      .where("payload", "=", '{"CallId": "call-2", "UserList": ')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.problems ?? "[]")).toEqual(["the body is not JSON"]);
    expect(row.accepted).toBe(1);
  });
});
