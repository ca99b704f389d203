import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Bytes } from "./text";

describe("utf8Bytes", () => {
  it("counts as Node's Buffer does, byte for byte", () => {
    expect(utf8Bytes("")).toBe(0);
    expect(utf8Bytes("abc")).toBe(3);
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("好")).toBe(3);
    expect(utf8Bytes("😀")).toBe(4);
    // A lone surrogate becomes U+FFFD (3 bytes), at the end or before another character.
    expect(utf8Bytes("\ud83d")).toBe(Buffer.byteLength("\ud83d", "utf8"));
    expect(utf8Bytes("\ude00a")).toBe(Buffer.byteLength("\ude00a", "utf8"));
    expect(utf8Bytes("\ud83d\ud83d\ude00")).toBe(Buffer.byteLength("\ud83d\ud83d\ude00", "utf8"));
  });

  it("agrees with Buffer.byteLength on any string, broken surrogates included", () => {
    const unit = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "binary" }),
      fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff", "\u07ff", "\u0800", "\uffff", "\u007f", "\u0080"),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 8 }), (parts) => {
        const text = parts.join("");
        expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, "utf8"));
      }),
      { numRuns: 2000 },
    );
  });
});
