import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompletedOutcome } from "@/lib/db/requests";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { makeProfile, outcome, pendingAttempt, recordAttempt, type TestProfile } from "@/lib/testing/history";
import { callDetail, callsPage, liveCalls } from "./calls";

const ok = (over: Partial<CompletedOutcome> = {}) => outcome({ latencyMs: 10, ...over });

describe.each(DIALECTS)("calls folded from history on $name", (dialect) => {
  let t: TestDatabase;
  let profile: TestProfile;
  beforeAll(async () => {
    t = await dialect.open();
    profile = await makeProfile(t.db, "Calls", 1400888000);
  });
  afterAll(async () => t.close());

  const send = (command: string, callId: string | null, result: CompletedOutcome, robot = "robot-c", callees = ["alice"]) =>
    recordAttempt(
      t.db,
      pendingAttempt(profile, {
        command,
        operator: { id: "u", email: "op@example.test" },
        requestBody: command.endsWith("start_call_by_robot") ? { Timeout: 60000 } : { CallId: callId },
        robotAccount: robot,
        callees,
        callId,
      }),
      result,
    );
  const start = (callId: string, callees = ["alice"]) =>
    send(
      "call_engine_http_srv/start_call_by_robot",
      null,
      ok({ callId, responseBody: JSON.stringify({ Response: { CallId: callId } }) }),
      "robot-c",
      callees,
    );

  it("folds each call from its start and follow-ups; a result filter pages by keyset without skipping", async () => {
    await start("call-ended");
    await send("call_engine_http_srv/end_call", "call-ended", ok());
    for (let i = 0; i < 3; i++) await start(`call-live-${i}`, ["bob"]);
    await send(
      "call_engine_http_srv/get_call_info",
      "call-live-1",
      ok({ responseBody: JSON.stringify({ Response: { UserList: [{ User_Account: "bob", Status: "Calling" }] } }) }),
    );

    const detail = await callDetail(t.db, "call-ended");
    expect(detail?.call).toMatchObject({ phase: "ended", robot: "robot-c", operator: "op@example.test", profileName: "Calls" });
    expect(detail?.timeline.map((i) => (i.kind === "request" ? i.command.split("/")[1] : i.kind))).toEqual([
      "start_call_by_robot",
      "end_call",
    ]);
    expect(await callDetail(t.db, "nope")).toBeUndefined();

    const live = await liveCalls(t.db);
    expect(live.map((c) => c.callId).sort()).toEqual(["call-live-0", "call-live-1", "call-live-2"]);
    expect(live.find((c) => c.callId === "call-live-1")?.callees).toMatchObject([{ account: "bob", status: "in-call", source: "status" }]);

    const answered = await callsPage(t.db, { result: "answered" }, undefined);
    expect(answered.calls.map((c) => c.callId)).toEqual(["call-live-1"]);
    const ended = await callsPage(t.db, { result: "ended", callee: "alice" }, undefined);
    expect(ended.calls.map((c) => c.callId)).toEqual(["call-ended"]);
    const all = await callsPage(t.db, {}, undefined);
    expect(all.calls.map((c) => c.callId)).toEqual(["call-live-2", "call-live-1", "call-live-0", "call-ended"]);
    expect(all.nextCursor).toBeNull();
  });
});
