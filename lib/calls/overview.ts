import "server-only";
import { statsSince, type ProfileStats } from "@/lib/db/stats";
import { readyDb } from "./ready";

export interface OverviewWindow {
  title: string;
  /** Start of the window, ISO: the history links filter from here. */
  since: string;
  stats: ProfileStats[];
}

/** The home page's numbers: the last 24 hours and the last 7 days. */
export async function overview(now = new Date()): Promise<OverviewWindow[]> {
  const db = await readyDb();
  const windows = [
    { title: "Last 24 hours", since: new Date(now.getTime() - 24 * 3_600_000) },
    { title: "Last 7 days", since: new Date(now.getTime() - 7 * 24 * 3_600_000) },
  ];
  return Promise.all(windows.map(async (w) => ({ title: w.title, since: w.since.toISOString(), stats: await statsSince(db, w.since) })));
}
