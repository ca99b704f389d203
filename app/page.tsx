import type { Metadata } from "next";
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
          Attempts by outcome, the most frequent error codes with what they mean, and latency, per profile. Every number opens the matching
          history.
        </p>
      </header>
      {windows.map((w) => (
        <WindowStats key={w.title} title={w.title} since={w.since} stats={w.stats} />
      ))}
    </div>
  );
}
