/**
 * Numbers, durations and times as people read them, the same on the server
 * and in the browser: grouped numbers (10,003), humanized durations (1.2 s),
 * the exact UTC time, and a relative time ("2 min ago").
 */

const grouped = new Intl.NumberFormat("en-US");

export function formatNumber(value: number): string {
  return grouped.format(value);
}

/** 850 ms, 1.2 s, 10 s, 2 min 5 s, 1 h 3 min. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  const sign = ms < 0 ? "-" : "";
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sign}${formatNumber(Math.round(abs))} ms`;
  if (abs < 10_000) return `${sign}${(abs / 1000).toFixed(1)} s`;
  if (abs < 60_000) return `${sign}${Math.round(abs / 1000)} s`;
  const totalSeconds = Math.round(abs / 1000);
  if (totalSeconds < 3600) {
    const s = totalSeconds % 60;
    return `${sign}${Math.floor(totalSeconds / 60)} min${s ? ` ${s} s` : ""}`;
  }
  const minutes = Math.round(totalSeconds / 60);
  const m = minutes % 60;
  return `${sign}${Math.floor(minutes / 60)} h${m ? ` ${m} min` : ""}`;
}

/** The exact milliseconds, grouped: "10,003 ms". */
export const formatMs = (ms: number) => `${formatNumber(ms)} ms`;

/** "2026-11-26T06:33:46.123Z" -> "2026-11-26 06:33:46 UTC" (with the milliseconds when asked). */
export function formatUtc(iso: string, { millis = false }: { millis?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString().replace("T", " ").replace("Z", "");
  return `${millis ? text : text.slice(0, 19)} UTC`;
}

/** "just now", "2 min ago", "3 h ago", "5 d ago", "in 3 h"; null beyond a year. */
export function formatRelative(iso: string, now: number): string | null {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return null;
  const diff = now - then;
  const abs = Math.abs(diff);
  if (abs < 45_000) return "just now";
  const units: [number, string][] = [
    [365 * 86_400_000, "y"],
    [30 * 86_400_000, "mo"],
    [86_400_000, "d"],
    [3_600_000, "h"],
    [60_000, "min"],
  ];
  for (const [size, unit] of units) {
    if (abs >= size || unit === "min") {
      const n = Math.max(1, Math.round(abs / size));
      if (unit === "y" && n > 1) return null;
      return diff >= 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`;
    }
  }
  return null;
}
