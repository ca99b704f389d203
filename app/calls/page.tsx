import type { Metadata } from "next";
import { Suspense } from "react";
import { CallsList } from "@/components/calls/calls-list";
import { guardPage } from "@/lib/auth/guards";
import { listProfiles } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";

export const metadata: Metadata = { title: "Calls" };

export default async function CallsPage() {
  await guardPage("/calls");
  const profiles = await listProfiles(await readyDb());
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Calls</h1>
        <p className="mt-1 text-sm text-slate-600">
          Each call once, with one state folded from its start, its webhook events, status reads, end_call answers and its record. Calls in
          progress refresh by themselves.
        </p>
      </header>
      <Suspense>
        <CallsList profiles={profiles.map((p) => ({ id: p.id, name: p.name }))} />
      </Suspense>
    </div>
  );
}
