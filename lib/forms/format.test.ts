import { describe, expect, it } from "vitest";
import { formatDuration, formatMs, formatNumber, formatRelative, formatUtc } from "./format";

describe("formatting", () => {
  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [1234, "1.2 s"],
    [10_003, "10 s"],
    [59_400, "59 s"],
    [125_000, "2 min 5 s"],
    [120_000, "2 min"],
    [3_780_000, "1 h 3 min"],
    [-1500, "-1.5 s"],
  ])("duration %d ms -> %s", (ms, text) => expect(formatDuration(ms)).toBe(text));

  it("groups numbers", () => {
    expect(formatNumber(10003)).toBe("10,003");
    expect(formatMs(10003)).toBe("10,003 ms");
    expect(formatNumber(-1234567)).toBe("-1,234,567");
  });

  it("writes the exact UTC time", () => {
    expect(formatUtc("2026-11-26T06:33:46.123Z")).toBe("2026-11-26 06:33:46 UTC");
    expect(formatUtc("2026-11-26T14:33:46.123+08:00", { millis: true })).toBe("2026-11-26 06:33:46.123 UTC");
    expect(formatUtc("not a time")).toBe("not a time");
  });

  const now = Date.parse("2026-11-26T12:00:00Z");
  it.each([
    ["2026-11-26T11:59:30Z", "just now"],
    ["2026-11-26T11:58:00Z", "2 min ago"],
    ["2026-11-26T09:00:00Z", "3 h ago"],
    ["2026-11-21T12:00:00Z", "5 d ago"],
    ["2026-11-26T15:00:00Z", "in 3 h"],
    ["2020-01-01T00:00:00Z", null],
  ])("%s is %s", (iso, text) => expect(formatRelative(iso, now)).toBe(text));

  describe("in Simplified Chinese", () => {
    it.each([
      [850, "850 毫秒"],
      [1234, "1.2 秒"],
      [59_400, "59 秒"],
      [125_000, "2 分钟 5 秒"],
      [3_780_000, "1 小时 3 分钟"],
      [-1500, "-1.5 秒"],
    ])("duration %d ms -> %s", (ms, text) => expect(formatDuration(ms, "zh-CN")).toBe(text));

    it("groups numbers and milliseconds", () => {
      expect(formatNumber(10003, "zh-CN")).toBe("10,003");
      expect(formatMs(10003, "zh-CN")).toBe("10,003 毫秒");
    });

    it.each([
      ["2026-11-26T11:59:30Z", "刚刚"],
      ["2026-11-26T11:58:00Z", "2 分钟前"],
      ["2026-11-26T09:00:00Z", "3 小时前"],
      ["2026-11-21T12:00:00Z", "5 天前"],
      ["2026-11-26T15:00:00Z", "3 小时后"],
      ["2020-01-01T00:00:00Z", null],
    ])("%s is %s", (iso, text) => expect(formatRelative(iso, now, "zh-CN")).toBe(text));
  });

  it("writes a locale it has no words for with Intl (a third language needs no code here)", () => {
    expect(formatRelative("2026-11-26T11:58:00Z", now, "de")).toBe(
      new Intl.RelativeTimeFormat("de", { style: "short" }).format(-2, "minute"),
    );
    expect(formatDuration(1234, "de")).toBe(
      new Intl.NumberFormat("de", { style: "unit", unit: "second", maximumFractionDigits: 1 }).format(1.234),
    );
    expect(formatNumber(10003, "de")).toBe("10.003");
  });
});
