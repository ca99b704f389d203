import { describe, expect, it } from "vitest";
import { csvField } from "./export";

describe("csvField", () => {
  it("quotes what needs quoting and leaves the rest", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField(null)).toBe("");
    expect(csvField(70107)).toBe("70107");
  });

  it("keeps spreadsheets from running text as a formula", () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField(-5)).toBe("-5");
  });
});
