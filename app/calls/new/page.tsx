import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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
import { getLocalize } from "@/lib/i18n/server";
import { callRecordAction, callStatusAction, checkCalleesAction, endCallAction, saveTemplateAction, startCallAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("callForm");
  return { title: t("title") };
}

export default async function NewCallPage({ searchParams }: { searchParams: Promise<{ replay?: string; template?: string }> }) {
  const user = await guardPage("/calls/new");
  const t = await getTranslations("callForm");
  const tSimulator = await getTranslations("simulator");
  const localize = await getLocalize();
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
        <h1 className="text-2xl font-semibold text-slate-900">{t("heading")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t.rich("intro", { mono: (chunks) => <span className="font-mono">{chunks}</span> })}</p>
      </header>
      {replay && !replayable ? (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("replayMissing", { id: replay })}
        </p>
      ) : null}
      {templateId && !template ? (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("templateMissing", { id: templateId })}
        </p>
      ) : null}
      {template && !template.profileExists ? (
        <p role="alert" data-testid="template-profile-gone" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {t("templateProfileGone", { name: template.name, profile: template.profileName })}
        </p>
      ) : null}
      {template && template.problems.length > 0 ? (
        <div role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          <p>{t("templateProblems", { name: template.name })}</p>
          <ul className="list-disc pl-5">
            {template.problems.map((p) => (
              <li key={p}>{localize(p)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!canStart ? (
        <p role="status" className="rounded-md bg-slate-100 p-3 text-sm text-slate-700">
          {t("viewerNote")}
        </p>
      ) : null}
      <CallForm
        profiles={profiles}
        magicAccounts={MAGIC_ACCOUNTS.map((m) => ({ name: m.name, effect: tSimulator(`accounts.${m.name}`) }))}
        action={startCallAction}
        initialValues={initialValues}
        replayOf={
          template ? t("templateSource", { name: template.name }) : replayable ? (replayable.request_id ?? replayable.id) : undefined
        }
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
