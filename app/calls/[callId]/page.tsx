import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CallPanel } from "@/components/calls/call-panel";
import { Card, CardTitle } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { can } from "@/lib/auth/access";
import { guardPage } from "@/lib/auth/guards";
import { callDetail } from "@/lib/calls/calls";
import { readyDb } from "@/lib/calls/ready";
import { callRecordAction, callStatusAction, endCallAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("calls.call");
  return { title: t("title") };
}

export default async function CallPage({ params }: { params: Promise<{ callId: string }> }) {
  const user = await guardPage("/calls/[callId]");
  const { callId } = await params;
  const detail = await callDetail(await readyDb(), decodeURIComponent(callId));
  if (!detail) notFound();
  const { call } = detail;
  const t = await getTranslations("calls.call");
  return (
    <div className="space-y-6">
      <nav className="text-sm">
        <Link href="/calls" className="text-brand-600 hover:underline">
          {t("back")}
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-xl font-semibold text-slate-900">
          {t.rich("heading", { callId: call.callId, id: (c) => <span className="font-mono text-base">{c}</span> })}
        </h1>
        <p className="text-sm text-slate-600">
          {call.startedAt ? <LocalTime iso={call.startedAt} /> : null}
          {` · ${t("profile", { name: call.profileName })}`}
          {call.operator ? ` · ${t("startedBy", { operator: call.operator })}` : ""} ·{" "}
          <Link href={`/history/${call.startEntryId}`} className="text-brand-600 hover:underline">
            {t("startInHistory")}
          </Link>
        </p>
      </header>
      <Card>
        <CardTitle>{t("panelTitle")}</CardTitle>
        <CallPanel
          callId={call.callId}
          canEnd={can(user.role, "call.end") && call.profileId !== null}
          actions={{ end: endCallAction, status: callStatusAction, record: callRecordAction }}
          showTimeline
          initial={detail}
        />
      </Card>
    </div>
  );
}
