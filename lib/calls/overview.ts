import "server-only";
import type { Kysely } from "kysely";
import { BUCKET_COLUMNS, hourOf, percentileOf, readWindow, type RollupRow, type WindowRollups } from "@/lib/db/rollups";
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

function seriesOf(profileId: string, profileName: string, data: WindowRollups, hours: string[], topCodes: number[]): ProfileSeries {
  const mine = <T extends { profile_key: string }>(rows: T[]) =>
    profileId === "" ? rows : rows.filter((r) => r.profile_key === profileId);
  const points = new Map<string, HourPoint & { counts: number[] }>(
    hours.map((hour) => [
      hour,
      { hour: `${hour}:00:00.000Z`, outcomes: {}, errors: {}, p50: null, p95: null, counts: BUCKET_COLUMNS.map(() => 0) },
    ]),
  );
  for (const r of mine(data.outcomes)) {
    const point = points.get(r.hour);
    if (point && isOutcome(r.outcome)) point.outcomes[r.outcome] = (point.outcomes[r.outcome] ?? 0) + r.attempts;
  }
  for (const r of mine(data.errors)) {
    const point = points.get(r.hour);
    if (point && topCodes.includes(r.error_code)) point.errors[r.error_code] = (point.errors[r.error_code] ?? 0) + r.attempts;
  }
  for (const r of mine(data.latency)) {
    const point = points.get(r.hour);
    if (point) BUCKET_COLUMNS.forEach((c, i) => (point.counts[i] = (point.counts[i] ?? 0) + r[c]));
  }
  const list = [...points.values()].map(({ counts, ...point }) => ({
    ...point,
    p50: percentileOf(counts, 0.5)?.ms ?? null,
    p95: percentileOf(counts, 0.95)?.ms ?? null,
  }));
  return { profileId, profileName, topCodes, hours: list };
}

/** One window from the hourly rollups, summed in the database: the same few reads whatever the number of attempts. */
export async function overviewWindow(db: Kysely<Database>, title: string, hours: number, now: Date): Promise<OverviewWindowView> {
  const first = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - (hours - 1) * HOUR_MS);
  const keys = Array.from({ length: hours }, (_, i) => hourOf(new Date(first.getTime() + i * HOUR_MS).toISOString()));
  const data = await readWindow(db, keys[0] ?? "");
  const profiles = new Map<string, { name: string; rows: RollupRow[] }>();
  for (const r of data.totals) {
    const p = profiles.get(r.profile_key) ?? { name: r.profile_name, rows: [] };
    p.rows.push(r);
    profiles.set(r.profile_key, p);
  }
  const stats = [...profiles].map(([key, p]) => statsOf(key === "" ? null : key, p.name, p.rows)).sort((a, b) => b.total - a.total);
  const top = (list: RollupRow[]) =>
    statsOf(null, "", list)
      .topErrors.slice(0, 5)
      .map((e) => e.code);
  const series = [
    seriesOf("", "All profiles", data, keys, top(data.totals)),
    ...[...profiles].filter(([key]) => key !== "").map(([key, p]) => seriesOf(key, p.name, data, keys, top(p.rows))),
  ];
  return { title, since: first.toISOString(), stats, series };
}

/** The home page: the last 24 hours and the last 7 days, by whole hours (the current one included). */
export async function overview(now = new Date()): Promise<OverviewWindowView[]> {
  const db = await readyDb();
  return Promise.all([overviewWindow(db, "Last 24 hours", 24, now), overviewWindow(db, "Last 7 days", 168, now)]);
}
