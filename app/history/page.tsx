import type { Metadata } from "next";
import { Suspense } from "react";
import { HistoryList } from "@/components/history/history-list";
import { guardPage } from "@/lib/auth/guards";
import { listProfiles } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { listUsers } from "@/lib/db/users";
import { COMMAND_LIST } from "@/lib/tencent/commands";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage() {
  await guardPage("/history");
  const db = await readyDb();
  const [profiles, operators] = await Promise.all([listProfiles(db), listUsers(db)]);
  const options = {
    profiles: profiles.map((p) => ({ id: p.id, name: p.name })),
    operators: operators.filter((u) => u.role !== "viewer").map((u) => ({ id: u.id, email: u.email })),
    commands: COMMAND_LIST,
  };
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">History</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every request the console sent, newest first. Find an attempt by its RequestId (whole or 6+ of its hex digits), CallId or a
          UserID, and narrow by outcome, error code, command, profile, operator and time. The filters stay in the address, so a view can be
          bookmarked and shared.
        </p>
      </header>
      <Suspense>
        <HistoryList options={options} />
      </Suspense>
    </div>
  );
}
