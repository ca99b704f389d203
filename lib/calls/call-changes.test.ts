import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeTime } from "ulid";
import { listEventCallIdsSince } from "@/lib/db/calls";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { CHANGE_WINDOW_MS, callChanges } from "./call-changes";

const NOW = Date.parse("2026-11-26T10:00:00.000Z");
/** An event key at a time, as the receiving instance's clock would make it. */
const keyAt = (ms: number, tail: string) => `${encodeTime(ms, 10)}${tail.padStart(16, "0")}`;

describe.each(DIALECTS)("the change feed of the live views on $name", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.open();
    const event = (id: string, callId: string | null, accepted = 1) => ({
      id,
      received_at: new Date(NOW).toISOString(),
      sdk_app_id: 1400000001,
      profile_id: accepted ? "simulator" : null,
      command: "Call.CallbackAfterMemberChanged",
      call_id: callId,
      event_time: null,
      accepted,
      problems: null,
      summary: null,
      payload: "{}",
      client_ip: null,
    });
    await t.db
      .insertInto("call_events")
      .values([
        event(keyAt(NOW - CHANGE_WINDOW_MS - 1, "1"), "too-old"),
        event(keyAt(NOW - CHANGE_WINDOW_MS, "2"), "at-the-edge"),
        event(keyAt(NOW - 3_000, "3"), "call-a"),
        event(keyAt(NOW - 2_000, "4"), "refused", 0),
        event(keyAt(NOW - 2_000, "5"), null),
        event(keyAt(NOW - 1_000, "6"), "call-b"),
        event(keyAt(NOW - 500, "7"), "call-a"),
      ])
      .execute();
  });
  afterAll(async () => t.close());

  it("lists the accepted events with a CallId from the window, oldest first", async () => {
    const { events } = await callChanges(t.db, new Date(NOW));
    expect(events).toEqual([
      { id: keyAt(NOW - CHANGE_WINDOW_MS, "2"), callId: "at-the-edge" },
      { id: keyAt(NOW - 3_000, "3"), callId: "call-a" },
      { id: keyAt(NOW - 1_000, "6"), callId: "call-b" },
      { id: keyAt(NOW - 500, "7"), callId: "call-a" },
    ]);
  });

  it("keeps the newest when the window holds more than the limit", async () => {
    const events = await listEventCallIdsSince(t.db, new Date(NOW - CHANGE_WINDOW_MS), 2);
    expect(events.map((e) => e.callId)).toEqual(["call-b", "call-a"]);
  });

  it("is empty once the window has passed", async () => {
    expect((await callChanges(t.db, new Date(NOW + CHANGE_WINDOW_MS + 1_000))).events).toEqual([]);
  });
});
