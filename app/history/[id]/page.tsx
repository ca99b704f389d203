import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { CalleeResults } from "@/components/outcome/callee-results";
import { localizeExplanation } from "@/components/outcome/catalog";
import { Explanation } from "@/components/outcome/explanation";
import { OutcomeBadge } from "@/components/outcome/outcome-badge";
import { Card, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Duration } from "@/components/ui/duration";
import { LocalTime } from "@/components/ui/local-time";
import { guardPage } from "@/lib/auth/guards";
import { EntryTools } from "@/components/history/entry-tools";
import { RegionFinder } from "@/components/history/region-finder";
import { suggestsWrongRegion } from "@/lib/calls/region-finder";
import { SIMULATOR_PROFILE_ID } from "@/lib/calls/runtime";
import { CallPanel } from "@/components/calls/call-panel";
import { callRecordAction, callStatusAction, endCallAction, findRegionAction, moveProfileRegionAction } from "./actions";
import { historyEntry } from "@/lib/calls/history";
import type { HistoryEntry } from "@/lib/db/requests";
import { curlCommand, supportText } from "@/lib/calls/support";
import { can } from "@/lib/auth/access";
import { COMMANDS, commandLabel } from "@/lib/tencent/commands";
import { explainOutcome } from "@/lib/tencent/error-catalog";
import { toAttemptView } from "@/lib/calls/views";

/** The tab names the entry: its command and RequestId (the title checks access like the page). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await guardPage("/history/[id]");
  const entry = await historyEntry(decodeURIComponent((await params).id));
  const t = await getTranslations("history");
  if (!entry) return { title: t("entry.notFoundTitle") };
  const command = commandLabel(entry.command);
  return {
    title: entry.request_id
      ? t("entry.title", { command, requestId: entry.request_id })
      : t("entry.titleNoAnswer", { command, outcome: t(`outcomes.${entry.outcome}`) }),
  };
}

function Row({ label, mono, children }: { label: string; mono?: boolean; children: ReactNode }) {
  return (
    <>
      <dt className={mono ? "font-mono text-slate-500" : "text-slate-500"}>{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </>
  );
}

function Json({ value, testId, label }: { value: unknown; testId: string; label: string }) {
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return <CodeBlock text={text} copy data-testid={testId} aria-label={label} />;
}

/** "Copy for support" in English, with the explanation also in the user's language. */
async function supportFor(entry: HistoryEntry): Promise<string> {
  const locale = await getLocale();
  const t = await getTranslations("outcome");
  const explanation = explainOutcome({ kind: entry.outcome, errorCode: entry.error_code }, entry.command);
  const { title, cause } = localizeExplanation(explanation, (await getMessages()).errorCatalog);
  return supportText(entry, { locale, explanation: t("supportExplanation", { title, cause }) });
}

export default async function HistoryEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("/history/[id]");
  const { id } = await params;
  const entry = await historyEntry(decodeURIComponent(id));
  if (!entry) notFound();
  const attempt = toAttemptView(entry);
  const t = await getTranslations("history.entry");
  let host = entry.base_url;
  try {
    host = new URL(entry.base_url).host;
  } catch {
    // keep the stored text
  }

  return (
    <div className="space-y-6">
      <nav className="text-sm">
        <Link href="/history" className="text-brand-600 hover:underline">
          {t("back")}
        </Link>
      </nav>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-xl font-semibold text-slate-900">{entry.command}</h1>
        <OutcomeBadge outcome={attempt.outcome} errorCode={entry.error_code} />
      </header>

      <EntryTools
        support={await supportFor(entry)}
        curl={curlCommand(entry)}
        replayHref={
          entry.command === COMMANDS.startCallByRobot && can(user.role, "call.start")
            ? `/calls/new?replay=${encodeURIComponent(entry.id)}`
            : null
        }
      />

      <Explanation attempt={attempt} />

      {entry.profile_id && entry.profile_id !== SIMULATOR_PROFILE_ID && suggestsWrongRegion(entry) ? (
        <RegionFinder
          entryId={entry.id}
          profileId={entry.profile_id}
          canFix={can(user.role, "region.move")}
          find={findRegionAction}
          move={moveProfileRegionAction}
        />
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardTitle>{t("identifiers")}</CardTitle>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <Row label="RequestId" mono>
              {entry.request_id ? (
                <span className="flex flex-wrap items-center gap-1">
                  <span data-testid="entry-request-id" className="min-w-0 font-mono text-xs break-all">
                    {entry.request_id}
                  </span>
                  <CopyButton text={entry.request_id} />
                </span>
              ) : (
                t("noRequestId")
              )}
            </Row>
            <Row label="CallId" mono>
              {entry.call_id ? <span className="font-mono text-xs">{entry.call_id}</span> : "—"}
            </Row>
            <Row label={t("historyId")}>
              <span className="font-mono text-xs">{entry.id}</span>
            </Row>
            <Row label={t("sent")}>
              <LocalTime iso={entry.created_at} />
            </Row>
            <Row label={t("answered")}>{entry.completed_at ? <LocalTime iso={entry.completed_at} /> : "—"}</Row>
            <Row label={t("latency")}>
              <Duration ms={entry.latency_ms} />
            </Row>
          </dl>
        </Card>
        <Card>
          <CardTitle>{t("destination")}</CardTitle>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <Row label={t("profile")}>{entry.profile_name}</Row>
            <Row label="SDKAppID">
              <span className="font-mono">{entry.sdk_app_id}</span>
            </Row>
            <Row label="identifier" mono>
              <span className="font-mono">{entry.admin_identifier}</span>
            </Row>
            <Row label={t("domain")}>
              <span className="font-mono">{host}</span>
            </Row>
            <Row label="random" mono>
              <span className="font-mono">{entry.random}</span>
            </Row>
            <Row label={t("operator")}>{entry.operator ?? "—"}</Row>
          </dl>
        </Card>
      </div>

      {entry.call_id && entry.profile_id ? (
        <Card>
          <CardTitle
            aside={
              <Link href={`/calls/${encodeURIComponent(entry.call_id)}`} className="text-sm font-medium text-brand-600 hover:underline">
                {t("openCall")}
              </Link>
            }
          >
            {entry.command === COMMANDS.startCallByRobot ? t("theCall") : t("callOfRequest")}
          </CardTitle>
          <CallPanel
            callId={entry.call_id}
            canEnd={can(user.role, "call.end")}
            actions={{ end: endCallAction, status: callStatusAction, record: callRecordAction }}
            showTimeline
          />
        </Card>
      ) : null}

      {entry.callResult && entry.callResult.length > 0 ? (
        <Card>
          <CardTitle>{t("callees")}</CardTitle>
          <CalleeResults results={entry.callResult} />
        </Card>
      ) : null}

      <Card>
        <CardTitle>{t("request")}</CardTitle>
        <p className="mb-3 font-mono text-xs break-all text-slate-700" data-testid="entry-url">
          POST {entry.url}
        </p>
        <Json value={entry.requestBody} testId="entry-request-body" label={t("requestBody")} />
      </Card>

      <Card>
        <CardTitle aside={entry.http_status !== null ? <span className="text-sm text-slate-600">HTTP {entry.http_status}</span> : null}>
          {t("response")}
        </CardTitle>
        {entry.response !== null ? (
          <Json value={entry.response} testId="entry-response" label={t("responseBody")} />
        ) : (
          <p className="text-sm text-slate-600">{entry.outcome === "pending" ? t("noAnswer") : t("noBody")}</p>
        )}
      </Card>
    </div>
  );
}
