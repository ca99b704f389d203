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
import { can } from "@/lib/auth/access";
import { templateView } from "@/lib/calls/templates";
import { callRecordAction, callStatusAction, checkCalleesAction, endCallAction, saveTemplateAction, startCallAction } from "./actions";

export const metadata: Metadata = { title: "New call" };

export default async function NewCallPage({ searchParams }: { searchParams: Promise<{ replay?: string; template?: string }> }) {
  const user = await guardPage("/calls/new");
  const { replay, template: templateId } = await searchParams;
  const db = await readyDb();
  const profiles = (await listProfiles(db)).map(toProfileOption);
  // Replay only fills the form from a recorded start; it never sends.
  const source = typeof replay === "string" && replay ? await historyEntry(replay) : undefined;
  const replayable = source?.command === COMMANDS.startCallByRobot ? source : undefined;
  const template = typeof templateId === "string" && templateId ? await templateView(db, templateId) : undefined;
  const canStart = can(user.role, "call.start");
  const initialValues = template
    ? bodyToFormValues(template.body, template.profileExists ? (template.profileId ?? "") : "")
    : replayable
      ? bodyToFormValues(replayable.requestBody, replayable.profile_id ?? "")
      : undefined;
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
      {templateId && !template ? (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          No template has the id “{templateId}”: it may have been deleted.
        </p>
      ) : null}
      {template && !template.profileExists ? (
        <p role="alert" data-testid="template-profile-gone" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          The template “{template.name}” was saved with the profile “{template.profileName}”, which has been deleted. Choose another profile
          before starting.
        </p>
      ) : null}
      {template && template.problems.length > 0 ? (
        <div role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          <p>The template “{template.name}” breaks today&apos;s rules; fix these before starting:</p>
          <ul className="list-disc pl-5">
            {template.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!canStart ? (
        <p role="status" className="rounded-md bg-slate-100 p-3 text-sm text-slate-700">
          Your role can fill this form from a template and copy its body, but not start calls (that needs the operator role).
        </p>
      ) : null}
      <CallForm
        profiles={profiles}
        magicAccounts={MAGIC_ACCOUNTS.map((m) => ({ ...m }))}
        action={startCallAction}
        initialValues={initialValues}
        replayOf={template ? `template “${template.name}”` : replayable ? (replayable.request_id ?? replayable.id) : undefined}
        canStart={canStart}
        templates={
          can(user.role, "template.manage")
            ? { save: saveTemplateAction, current: template ? { id: template.id, name: template.name } : undefined }
            : undefined
        }
        callActions={{ end: endCallAction, status: callStatusAction, record: callRecordAction }}
        checkCallees={checkCalleesAction}
      />
    </div>
  );
}
