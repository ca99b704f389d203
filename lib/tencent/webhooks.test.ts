import { describe, expect, it } from "vitest";
import { parseCallEvent } from "./webhooks";

describe("parseCallEvent", () => {
  it("reads the documented start event, with MediaType or the sample's CallMediaType", () => {
    const body = {
      CallInfo: { CallId: "c-1", CallMediaType: "Video", ChatGroupId: "", RoomId: "123", RoomIdType: 1 },
      UserList: [
        { User_Account: "robot", Status: "Calling" },
        { User_Account: 10086, Status: "Waiting" },
      ],
      EventTime: 1700000000123,
    };
    expect(parseCallEvent("Call.CallbackAfterStartCall", JSON.stringify(body))).toEqual({
      kind: "started",
      callId: "c-1",
      eventTime: 1700000000123,
      mediaType: "Video",
      members: [
        { account: "robot", status: "Calling" },
        { account: "10086", status: "Waiting" },
      ],
      changes: [],
      callResult: null,
      problems: [],
    });
    const table = { ...body, CallInfo: { CallId: "c-1", MediaType: "Audio" } };
    expect(parseCallEvent("Call.CallbackAfterStartCall", JSON.stringify(table)).mediaType).toBe("Audio");
  });

  it("accepts any ActionType word in member changes", () => {
    for (const action of ["Answer", "Accept", "Hang Up", "Canncel_Invite", "Offline", "SomethingNew"]) {
      const event = parseCallEvent(
        "Call.CallbackAfterMemberChanged",
        JSON.stringify({ CallId: "c-2", UserList: [], ChangedUserList: [{ User_Account: "u", ActionType: action }], EventTime: 1 }),
      );
      expect(event.changes).toEqual([{ account: "u", action }]);
      expect(event.problems).toEqual([]);
    }
  });

  it("reads the end event's CallResult, including Offline", () => {
    const event = parseCallEvent(
      "Call.CallbackAfterEndCall",
      JSON.stringify({ CallRecord: { CallId: "c-3", CallResult: "Offline" }, EventTime: "5" }),
    );
    expect(event).toMatchObject({ kind: "ended", callId: "c-3", callResult: "Offline", eventTime: 5, problems: [] });
  });

  it("lists what is wrong instead of throwing, keeping what it could read", () => {
    expect(parseCallEvent("Call.CallbackAfterStartCall", "{not json").problems).toEqual(["the body is not JSON"]);
    expect(parseCallEvent("Call.CallbackAfterEndCall", "[1,2]").problems).toEqual(["the body is not a JSON object"]);
    const partial = parseCallEvent(
      "Call.CallbackAfterMemberChanged",
      JSON.stringify({ CallId: "c-4", UserList: "oops", ChangedUserList: [{ ActionType: "Reject" }] }),
    );
    expect(partial).toMatchObject({ kind: "member-changed", callId: "c-4" });
    expect(partial.problems).toEqual(["UserList is not a list", "ChangedUserList[0].User_Account is missing"]);
    for (const EventTime of [1.5, 1e30, "1234567890123456789012345", -1]) {
      const odd = parseCallEvent("Call.CallbackAfterEndCall", JSON.stringify({ CallRecord: { CallId: "c" }, EventTime }));
      expect(odd.eventTime).toBeNull();
      expect(odd.problems).toEqual(["EventTime is not a time in milliseconds"]);
    }
    expect(parseCallEvent("Call.SomethingElse", "{}").problems).toEqual(["unknown CallbackCommand Call.SomethingElse"]);
    expect(parseCallEvent("Call.CallbackAfterEndCall", "{}").problems).toEqual(["CallRecord is missing", "CallId is missing"]);
  });
});

describe("parseCallEvent, numbers", () => {
  it("keeps a numeric UserID beyond 2^53 exact, as its decimal text", () => {
    const body = `{"CallId":"c","UserList":[{"User_Account":9007199254740993,"Status":"Calling"}],"ChangedUserList":[{"User_Account":12345678901234567890,"ActionType":"Join"}],"EventTime":1700000000000}`;
    const event = parseCallEvent("Call.CallbackAfterMemberChanged", body);
    expect(event.members).toEqual([{ account: "9007199254740993", status: "Calling" }]);
    expect(event.changes).toEqual([{ account: "12345678901234567890", action: "Join" }]);
    expect(event.eventTime).toBe(1700000000000);
    expect(event.problems).toEqual([]);
  });

  it("lists an EventTime that is not a safe whole number as a problem", () => {
    const event = parseCallEvent("Call.CallbackAfterMemberChanged", `{"CallId":"c","ChangedUserList":[],"EventTime":1.5}`);
    expect(event.eventTime).toBeNull();
    expect(event.problems).toContain("EventTime is not a time in milliseconds");
  });
});
