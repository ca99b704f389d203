import type { Metadata } from "next";
import { guardPage } from "@/lib/auth/guards";
import { CallForm } from "@/components/call-form/call-form";
import { listProfiles } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { toProfileOption } from "@/lib/calls/views";
import { MAGIC_ACCOUNTS } from "@/lib/simulator/magic-accounts";
import { startCallAction } from "./actions";

export const metadata: Metadata = { title: "New call" };

export default async function NewCallPage() {
  await guardPage("/calls/new");
  const db = await readyDb();
  const profiles = (await listProfiles(db)).map(toProfileOption);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Start a call from a robot account</h1>
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-mono">v4/call_engine_http_srv/start_call_by_robot</span>: the server signs the request and sends it; every
          attempt is kept in history.
        </p>
      </header>
      <CallForm profiles={profiles} magicAccounts={MAGIC_ACCOUNTS.map((m) => ({ ...m }))} action={startCallAction} />
    </div>
  );
}
