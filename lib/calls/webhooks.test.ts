import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProfile } from "@/lib/db/profiles";
import { listCallEvents } from "@/lib/db/call-events";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { receiveWebhook } from "./webhooks";

describe.each(DIALECTS)("webhook receiver on $name", (dialect) => {
  let t: TestDatabase;
  let profileId: string;
  beforeAll(async () => {
    t = await dialect.open();
    profileId = await createProfile(t.db, {
      name: "Prod",
      kind: "custom",
      sdk_app_id: 1400123456,
      admin_identifier: "administrator",
      region: "singapore",
      base_url: null,
      secret_key_enc: "x",
      key_fingerprint: "…x",
    });
  });
  afterAll(async () => t.close());

  const send = (command: string, body: unknown, sdkAppId = "1400123456") =>
    receiveWebhook(t.db, { sdkAppId, command, body: typeof body === "string" ? body : JSON.stringify(body), clientIp: "203.0.113.9" });

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

  it("refuses an SdkAppid that belongs to no profile, and stores nothing of it", async () => {
    const answer = await send("Call.CallbackAfterEndCall", { CallRecord: { CallId: "call-x" } }, "1499999999");
    expect(answer).toMatchObject({ status: 403, body: { ActionStatus: "FAIL" } });
    expect(await t.db.selectFrom("call_events").selectAll().where("call_id", "=", "call-x").execute()).toEqual([]);
    expect((await send("Call.CallbackAfterEndCall", {}, "not-a-number")).status).toBe(403);
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
