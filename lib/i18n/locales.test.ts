import { describe, expect, it } from "vitest";
import { isLocale, negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["zh-TW,en;q=0.5", "zh-CN"],
    ["en-US,en;q=0.9,zh-CN;q=0.8", "en"],
    ["fr-FR,fr;q=0.9", "en"],
    ["fr;q=1,zh-CN;q=0.7,en;q=0.5", "zh-CN"],
    ["zh-CN;q=0,en;q=0.1", "en"],
    ["*", "en"],
    ["en;q=0.2, zh-cn;q=0.9", "zh-CN"],
    [";;;,,,q=", "en"],
  ])("%j -> %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("reads a long header without trouble", () => {
    expect(negotiateLocale(`${"xx;q=0.1,".repeat(5000)}zh-CN`)).toBe("en");
  });
});

describe("isLocale", () => {
  it("takes only the console's languages, exactly spelt", () => {
    expect(isLocale("zh-CN")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("zh-cn")).toBe(false);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
