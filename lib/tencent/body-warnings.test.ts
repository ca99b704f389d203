import { describe, expect, it } from "vitest";
import { CONSOLE_ADVICE, bodyWarnings } from "./body-warnings";

const base = { Robot_Account: "robot", CalleeList_Account: ["a"], Timeout: 30000, CallInfo: { MediaType: "Audio" as const } };

describe("bodyWarnings", () => {
  it("is quiet for an ordinary call", () => {
    expect(bodyWarnings(base)).toEqual([]);
    expect(bodyWarnings({ ...base, OfflinePushInfo: { Title: "Call", Desc: "Ringing", Ext: '{"a":1}' } })).toEqual([]);
  });

  it("warns about group size, Ext that is not JSON, APNs size and vendor cuts", () => {
    const fields = (body: Parameters<typeof bodyWarnings>[0]) => bodyWarnings(body).map((w) => w.field);
    expect(fields({ ...base, CalleeList_Account: Array.from({ length: 9 }, (_, i) => `c${i}`) })).toEqual(["CalleeList_Account"]);
    expect(fields({ ...base, OfflinePushInfo: { Ext: "not json" } })).toEqual(["OfflinePushInfo.Ext"]);
    expect(fields({ ...base, OfflinePushInfo: { Desc: "好".repeat(1100) } })).toContain("OfflinePushInfo.Desc");
    const cut = bodyWarnings({ ...base, OfflinePushInfo: { Title: "x".repeat(45) } });
    expect(cut[0]?.message).toMatch(/vivo \(40\), Meizu \(32\)/);
    expect(cut[0]?.message).not.toMatch(/Huawei/);
  });

  it("counts OPPO's longer body with PushStyle 1", () => {
    const text = "x".repeat(100);
    expect(bodyWarnings({ ...base, OfflinePushInfo: { Desc: text } })[0]?.message).toMatch(/OPPO/);
    expect(bodyWarnings({ ...base, OfflinePushInfo: { Desc: text, AndroidInfo: { PushStyle: 1 } } })[0]?.message ?? "").not.toMatch(/OPPO/);
  });

  it("names the console's own rules as its advice, beside the field they are about", () => {
    const advice = bodyWarnings({
      ...base,
      Robot_Account: "has space",
      CalleeList_Account: ["a", "a", "robot x"],
      CallInfo: { MediaType: "Audio", RoomId: "5", Extra: 1 },
      Unknown: true,
    } as Parameters<typeof bodyWarnings>[0]);
    expect(advice.every((w) => w.origin === "console" && w.message.startsWith(CONSOLE_ADVICE))).toBe(true);
    expect(advice.map((w) => w.field).sort()).toEqual(
      ["CallInfo.Extra", "CallInfo.RoomIdType", "CalleeList_Account", "CalleeList_Account", "Robot_Account", "Unknown"].sort(),
    );
    expect(advice.find((w) => w.field === "CallInfo.RoomIdType")?.message).toMatch(/RoomId without RoomIdType/);
    expect(advice.map((w) => w.message).join("\n")).toMatch(/"a" listed more than once/);
  });

  it("marks notes from Tencent's documents as such", () => {
    const notes = bodyWarnings({ ...base, OfflinePushInfo: { Ext: "not json", PushFlag: 1 } });
    expect(notes.map((w) => w.origin)).toEqual(["tencent", "tencent"]);
    expect(notes.some((w) => w.message.startsWith(CONSOLE_ADVICE))).toBe(false);
  });
});
