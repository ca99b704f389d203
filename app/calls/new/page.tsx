import type { Metadata } from "next";
import { guardPage } from "@/lib/auth/guards";
import { CallForm } from "@/components/call-form/call-form";
import { bodyToFormValues } from "@/components/call-form/form-model";
import { historyEntry } from "@/lib/calls/history";
import { COMMANDS } from "@/lib/tencent/commands";
import { listProfiles } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { toProfileOption } from "@/lib/calls/views";
import { MAGIC_ACCOUNTS } from "@/lib/simulator/magic-accounts";
import { callRecordAction, callStatusAction, endCallAction } from "../[callId]/actions";
import { startCallAction } from "./actions";

export const metadata: Metadata = { title: "New call" };

export default async function NewCallPage({ searchParams }: { searchParams: Promise<{ replay?: string }> }) {
  await guardPage("/calls/new");
  const { replay } = await searchParams;
  const db = await readyDb();
  const profiles = (await listProfiles(db)).map(toProfileOption);
  // Replay only fills the form from a recorded start; it never sends.
  const source = typeof replay === "string" && replay ? await historyEntry(replay) : undefined;
  const replayable = source?.command === COMMANDS.startCallByRobot ? source : undefined;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Start a call from a robot account</h1>
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-mono">v4/call_engine_http_srv/start_call_by_robot</span>: the server signs the request and sends it; every
          attempt is kept in history.
        </p>
      </header>
      {replay && !replayable ? (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          Nothing to replay: no recorded start_call_by_robot has the id or RequestId “{replay}”.
        </p>
      ) : null}
      <CallForm
        profiles={profiles}
        magicAccounts={MAGIC_ACCOUNTS.map((m) => ({ ...m }))}
        action={startCallAction}
        initialValues={replayable ? bodyToFormValues(replayable.requestBody, replayable.profile_id ?? "") : undefined}
        replayOf={replayable ? (replayable.request_id ?? replayable.id) : undefined}
        callActions={{ end: endCallAction, status: callStatusAction, record: callRecordAction }}
      />
    </div>
  );
}
