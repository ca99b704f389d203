/** The overview's numbers and chart series, read from the hourly rollups. Client-safe. */
import type { OUTCOMES } from "./history-filters";

export type Outcome = (typeof OUTCOMES)[number];

export interface LatencyFigure {
  /** Upper bound of the histogram bucket holding the percentile. */
  ms: number;
  /** True when it is above the last bucket's bound (then ms is that bound). */
  above: boolean;
}

export interface ProfileStatsView {
  /** null: the profile was deleted (profileName is the name it had). */
  profileId: string | null;
  profileName: string;
  total: number;
  byOutcome: Partial<Record<Outcome, number>>;
  topErrors: { code: number; count: number }[];
  latency: { median: LatencyFigure | null; p95: LatencyFigure | null; samples: number };
}

/** One hour of one profile (or all): attempts by outcome, latency p50/p95, and the window's top error codes. */
export interface HourPoint {
  /** ISO start of the hour. */
  hour: string;
  outcomes: Partial<Record<Outcome, number>>;
  p50: number | null;
  p95: number | null;
  errors: Record<string, number>;
}

export interface ProfileSeries {
  /** "" for all profiles. */
  profileId: string;
  profileName: string;
  topCodes: number[];
  hours: HourPoint[];
}

export interface OverviewWindowView {
  title: string;
  /** ISO start of the first hour: history links filter from here. */
  since: string;
  stats: ProfileStatsView[];
  series: ProfileSeries[];
}
