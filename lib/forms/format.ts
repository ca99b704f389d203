/**
 * Numbers, durations and times as people read them, the same on the server
 * and in the browser: grouped numbers (10,003), humanized durations (1.2 s),
 * the exact UTC time, and a relative time ("2 min ago").
 *
 * Every function takes the page's locale last, "en" when left out: the English
 * is what copies, exports and logs write. Simplified Chinese follows Tencent's
 * documentation ("2 分钟前", "1.2 秒"); any other locale is written by Intl.
 */

type Unit = "ms" | "s" | "min" | "h" | "d" | "mo" | "y";

/** A unit's word after a number, per locale written by hand. */
const UNIT_WORDS: Readonly<Record<string, Readonly<Record<Unit, string>>>> = {
  en: { ms: "ms", s: "s", min: "min", h: "h", d: "d", mo: "mo", y: "y" },
  "zh-CN": { ms: "毫秒", s: "秒", min: "分钟", h: "小时", d: "天", mo: "个月", y: "年" },
};

/** Intl's name of each unit (for the locales not written by hand). */
const INTL_UNIT: Readonly<Record<Unit, string>> = {
  ms: "millisecond",
  s: "second",
  min: "minute",
  h: "hour",
  d: "day",
  mo: "month",
  y: "year",
};

const numberFormats = new Map<string, Intl.NumberFormat>();
const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) => {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === "en" ? "en-US" : locale, options);
    numberFormats.set(key, format);
  }
  return format;
};

export function formatNumber(value: number, locale = "en"): string {
  return numberFormat(locale).format(value);
}

/** "2 min", "2 分钟", or Intl's short unit for another locale. */
function amount(n: number, unit: Unit, locale: string, digits = 0): string {
  const words = UNIT_WORDS[locale];
  const text = digits > 0 ? n.toFixed(digits) : formatNumber(n, locale);
  if (words) return `${text} ${words[unit]}`;
  return numberFormat(locale, { style: "unit", unit: INTL_UNIT[unit], unitDisplay: "short", maximumFractionDigits: digits }).format(n);
}

/** 850 ms, 1.2 s, 10 s, 2 min 5 s, 1 h 3 min (850 毫秒, 1.2 秒, 2 分钟 5 秒, 1 小时 3 分钟). */
export function formatDuration(ms: number, locale = "en"): string {
  if (!Number.isFinite(ms)) return "—";
  const sign = ms < 0 ? "-" : "";
  const abs = Math.abs(ms);
  if (abs < 1000) return sign + amount(Math.round(abs), "ms", locale);
  if (abs < 10_000) return sign + amount(abs / 1000, "s", locale, 1);
  if (abs < 60_000) return sign + amount(Math.round(abs / 1000), "s", locale);
  const totalSeconds = Math.round(abs / 1000);
  if (totalSeconds < 3600) {
    const s = totalSeconds % 60;
    return `${sign}${amount(Math.floor(totalSeconds / 60), "min", locale)}${s ? ` ${amount(s, "s", locale)}` : ""}`;
  }
  const minutes = Math.round(totalSeconds / 60);
  const m = minutes % 60;
  return `${sign}${amount(Math.floor(minutes / 60), "h", locale)}${m ? ` ${amount(m, "min", locale)}` : ""}`;
}

/** The exact milliseconds, grouped: "10,003 ms" ("10,003 毫秒"). */
export const formatMs = (ms: number, locale = "en") => amount(ms, "ms", locale);

/** "2026-11-26T06:33:46.123Z" -> "2026-11-26 06:33:46 UTC" (with the milliseconds when asked). The same in every language. */
export function formatUtc(iso: string, { millis = false }: { millis?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString().replace("T", " ").replace("Z", "");
  return `${millis ? text : text.slice(0, 19)} UTC`;
}

const RELATIVE_UNITS: [number, Unit, Intl.RelativeTimeFormatUnit][] = [
  [365 * 86_400_000, "y", "year"],
  [30 * 86_400_000, "mo", "month"],
  [86_400_000, "d", "day"],
  [3_600_000, "h", "hour"],
  [60_000, "min", "minute"],
];

/** How a relative time reads, per locale written by hand. */
const RELATIVE_WORDS: Readonly<Record<string, { now: string; ago: (amount: string) => string; in: (amount: string) => string }>> = {
  en: { now: "just now", ago: (a) => `${a} ago`, in: (a) => `in ${a}` },
  "zh-CN": { now: "刚刚", ago: (a) => `${a}前`, in: (a) => `${a}后` },
};

/** "just now", "2 min ago", "3 h ago", "5 d ago", "in 3 h" ("刚刚", "2 分钟前", "3 小时后"); null beyond a year. */
export function formatRelative(iso: string, now: number, locale = "en"): string | null {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return null;
  const diff = now - then;
  const abs = Math.abs(diff);
  const words = RELATIVE_WORDS[locale];
  if (abs < 45_000) return words ? words.now : new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(0, "second");
  for (const [size, unit, intlUnit] of RELATIVE_UNITS) {
    if (abs >= size || unit === "min") {
      const n = Math.max(1, Math.round(abs / size));
      if (unit === "y" && n > 1) return null;
      if (!words) return new Intl.RelativeTimeFormat(locale, { style: "short" }).format(diff >= 0 ? -n : n, intlUnit);
      const text = amount(n, unit, locale);
      return diff >= 0 ? words.ago(text) : words.in(text);
    }
  }
  return null;
}
