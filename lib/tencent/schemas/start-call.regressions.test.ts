/** Counterexamples the fuzz suite found, kept as plain tests. */
import { describe, expect, it } from "vitest";
import { startCallBodySchema } from "./start-call";

const base = { Robot_Account: "robot", CalleeList_Account: ["alice"], Timeout: 30000, CallInfo: { MediaType: "Audio" } };

describe("startCallBodySchema regressions", () => {
  it("refuses a body nested 100,000 deep with an issue instead of overflowing the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const parsed = startCallBodySchema.safeParse({ ...base, OfflinePushInfo: { PushTemplateParam: deep } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/nested deeper than 64/);
  });

  it("still accepts a body at the documented shape's ordinary depth", () => {
    expect(startCallBodySchema.safeParse({ ...base, OfflinePushInfo: { Title: "Hi", ApnsInfo: { Title: "Hi" } } }).success).toBe(true);
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a BigInt", 10n],
    ["a date", new Date(0)],
    ["a Map", new Map([["a", 1]])],
    ["a function", () => 1],
  ])("refuses %s in an undocumented field, naming it, instead of sending it changed (NaN went out as null)", (_name, value) => {
    const parsed = startCallBodySchema.safeParse({ ...base, Extra: { Inner: [value] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["Extra", "Inner", 0]);
    expect(parsed.error?.issues[0]?.message).toMatch(/not a JSON value/);
  });

  it("sends -0 as the 0 it becomes in JSON, so what parses is what is sent", () => {
    const parsed = startCallBodySchema.parse({ ...base, Extra: -0 });
    expect(Object.is((parsed as Record<string, unknown>).Extra, 0)).toBe(true);
  });

  it("refuses a RoomId without RoomIdType that neither reading allows, and keeps what one of them allows", () => {
    const room = (RoomId: string) => startCallBodySchema.safeParse({ ...base, CallInfo: { MediaType: "Audio", RoomId } });
    expect(room("中文").error?.issues[0]).toMatchObject({
      path: ["CallInfo", "RoomId"],
      message: expect.stringMatching(/neither a numeric/),
    });
    expect(room("x".repeat(65)).success).toBe(false);
    expect(room("4294967294").success).toBe(true);
    expect(room("room 7").success).toBe(true);
  });
});
