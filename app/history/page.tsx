import type { Metadata } from "next";
import { Suspense } from "react";
import { HistoryList } from "@/components/history/history-list";
import { guardPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage() {
  await guardPage("/history");
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">History</h1>
        <p className="mt-1 text-sm text-slate-600">Every request the console sent, newest first. Search by RequestId, CallId or UserID.</p>
      </header>
      <Suspense>
        <HistoryList />
      </Suspense>
    </div>
  );
}
