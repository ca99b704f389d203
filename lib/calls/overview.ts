import "server-only";
import type { Kysely } from "kysely";
import { BUCKET_COLUMNS, hourOf, percentileOf, readRollups, type RollupRow } from "@/lib/db/rollups";
import type { Database } from "@/lib/db/schema";
import { OUTCOMES } from "@/lib/forms/history-filters";
import type { HourPoint, Outcome, OverviewWindowView, ProfileSeries, ProfileStatsView } from "@/lib/forms/overview-view";
import { readyDb } from "./ready";

const HOUR_MS = 3_600_000;
const isOutcome = (value: string): value is Outcome => (OUTCOMES as readonly string[]).includes(value);
const histogram = (rows: RollupRow[]) => BUCKET_COLUMNS.map((c) => rows.reduce((sum, r) => sum + r[c], 0));

function statsOf(profileId: string | null, profileName: string, rows: RollupRow[]): ProfileStatsView {
  const byOutcome: Partial<Record<Outcome, number>> = {};
  const codes = new Map<number, number>();
  let total = 0;
  let samples = 0;
  for (const r of rows) {
    total += r.attempts;
    samples += r.latency_count;
    if (isOutcome(r.outcome)) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + r.attempts;
    if (r.outcome === "api-error") codes.set(r.error_code, (codes.get(r.error_code) ?? 0) + r.attempts);
  }
  const counts = histogram(rows);
  return {
    profileId,
    profileName,
    total,
    byOutcome,
    topErrors: [...codes]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code - b.code)
      .slice(0, 8),
    latency: { median: percentileOf(counts, 0.5), p95: percentileOf(counts, 0.95), samples },
  };
}

function seriesOf(profileId: string, profileName: string, rows: RollupRow[], hours: string[], topCodes: number[]): ProfileSeries {
  const byHour = new Map<string, RollupRow[]>();
  for (const r of rows) byHour.set(r.hour, [...(byHour.get(r.hour) ?? []), r]);
  const points: HourPoint[] = hours.map((hour) => {
    const here = byHour.get(hour) ?? [];
    const outcomes: Partial<Record<Outcome, number>> = {};
    const errors: Record<string, number> = {};
    for (const r of here) {
      if (isOutcome(r.outcome)) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + r.attempts;
      if (r.outcome === "api-error" && topCodes.includes(r.error_code)) errors[r.error_code] = (errors[r.error_code] ?? 0) + r.attempts;
    }
    const counts = histogram(here);
    return {
      hour: `${hour}:00:00.000Z`,
      outcomes,
      errors,
      p50: percentileOf(counts, 0.5)?.ms ?? null,
      p95: percentileOf(counts, 0.95)?.ms ?? null,
    };
  });
  return { profileId, profileName, topCodes, hours: points };
}

/** One window from the hourly rollups: a few thousand rows whatever the number of attempts. */
export async function overviewWindow(db: Kysely<Database>, title: string, hours: number, now: Date): Promise<OverviewWindowView> {
  const first = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - (hours - 1) * HOUR_MS);
  const keys = Array.from({ length: hours }, (_, i) => hourOf(new Date(first.getTime() + i * HOUR_MS).toISOString()));
  const rows = await readRollups(db, keys[0] ?? "");
  const profiles = new Map<string, { name: string; rows: RollupRow[] }>();
  for (const r of rows) {
    const p = profiles.get(r.profile_key) ?? { name: r.profile_name, rows: [] };
    p.rows.push(r);
    p.name = r.profile_name;
    profiles.set(r.profile_key, p);
  }
  const stats = [...profiles]
    .map(([key, p]) => statsOf(key === "" ? null : key, key === "" ? `${p.name} (deleted)` : p.name, p.rows))
    .sort((a, b) => b.total - a.total);
  const top = (list: RollupRow[]) =>
    statsOf(null, "", list)
      .topErrors.slice(0, 5)
      .map((e) => e.code);
  const series = [
    seriesOf("", "All profiles", rows, keys, top(rows)),
    ...[...profiles].filter(([key]) => key !== "").map(([key, p]) => seriesOf(key, p.name, p.rows, keys, top(p.rows))),
  ];
  return { title, since: first.toISOString(), stats, series };
}

/** The home page: the last 24 hours and the last 7 days, by whole hours (the current one included). */
export async function overview(now = new Date()): Promise<OverviewWindowView[]> {
  const db = await readyDb();
  return Promise.all([overviewWindow(db, "Last 24 hours", 24, now), overviewWindow(db, "Last 7 days", 168, now)]);
}
