import { describe, expect, it } from "vitest";
import { createPhrasebook, phrasePairs } from "./phrasebook";

const localize = createPhrasebook([
  ["is required", "必填"],
  ["must be at most {max} bytes", "最多 {max} 字节"],
  ["must be at most {max} callees", "最多 {max} 个被叫"],
  ["{field} and {other} differ", "{other} 与 {field} 不同"],
  ["is neither this nor that (it {problem})", "两者都不是（{problem}）"],
]);

describe("the phrasebook", () => {
  it("translates a whole message, its placeholders carried over", () => {
    expect(localize("is required")).toBe("必填");
    expect(localize("must be at most 64 bytes")).toBe("最多 64 字节");
    expect(localize("must be at most 500 callees")).toBe("最多 500 个被叫");
    expect(localize("a and b differ")).toBe("b 与 a 不同");
  });

  it("translates a rule quoted inside another", () => {
    expect(localize("is neither this nor that (it must be at most 64 bytes)")).toBe("两者都不是（最多 64 字节）");
  });

  it("keeps the API's field name in front of a rule", () => {
    expect(localize("CallInfo.RoomId must be at most 64 bytes")).toBe("CallInfo.RoomId 最多 64 字节");
  });

  it("shows what it does not know as it is", () => {
    expect(localize("something else")).toBe("something else");
    expect(localize("is required, really")).toBe("is required, really");
  });

  it("is the identity for English", () => {
    expect(createPhrasebook([])("is required")).toBe("is required");
  });

  it("pairs two trees' leaves by key, in the namespaces asked for", () => {
    const en = { rules: { a: "x", b: { c: "y" } }, other: { d: "z" } };
    const zh = { rules: { a: "甲", b: { c: "乙" } }, other: { d: "丙" } };
    expect(phrasePairs(en, zh, ["rules"])).toEqual([
      ["x", "甲"],
      ["y", "乙"],
    ]);
  });
});
