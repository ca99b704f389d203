import type { Metadata } from "next";
import { OverviewCharts } from "@/components/overview/charts";
import { WindowStats } from "@/components/overview/window-stats";
import { guardPage } from "@/lib/auth/guards";
import { overview } from "@/lib/calls/overview";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await guardPage("/");
  const windows = await overview();
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Overview</h1>
        <p className="mt-1 text-sm text-slate-600">
          Attempts by outcome, latency and the most frequent error codes, per hour and per profile, from hourly rollups kept as attempts
          complete. Every bar and number opens the matching history. Latencies are the upper bounds of fixed histogram buckets.
        </p>
      </header>
      {windows.map((w) => (
        <div key={w.title} className="space-y-4">
          <WindowStats title={w.title} since={w.since} stats={w.stats} />
          {w.stats.length > 0 ? <OverviewCharts title={w.title} series={w.series} wide={w.series[0]?.hours.length !== 24} /> : null}
        </div>
      ))}
    </div>
  );
}
