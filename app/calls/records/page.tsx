import type { Metadata } from "next";
import { RecordsBrowser } from "@/components/records/records-browser";
import { guardPage } from "@/lib/auth/guards";
import { listProfiles } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { browseRecordsAction } from "./actions";

export const metadata: Metadata = { title: "Call records" };

export default async function RecordsPage() {
  await guardPage("/calls/records");
  const profiles = (await listProfiles(await readyDb())).map((p) => ({ id: p.id, name: p.name }));
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Call records</h1>
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-mono">call_record_http_srv/get_record_by_filter</span>: calls of the last 7 days as the Call Engine recorded
          them. Records appear about 5 seconds after a call ends. Each page asked is an attempt in history.
        </p>
      </header>
      <RecordsBrowser profiles={profiles} action={browseRecordsAction} />
    </div>
  );
}
