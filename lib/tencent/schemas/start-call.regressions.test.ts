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
});
