"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { CallPanel, type CallActions } from "@/components/calls/call-panel";
import { CalleeResults } from "@/components/outcome/callee-results";
import { Explanation } from "@/components/outcome/explanation";
import { OutcomeBadge } from "@/components/outcome/outcome-badge";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Duration } from "@/components/ui/duration";
import type { StartCallResult } from "@/lib/forms/attempt-view";

function IdRow({ name, value, testId, empty }: { name: string; value: string | null; testId: string; empty: string }) {
  return (
    <>
      <dt className="font-mono text-slate-500">{name}</dt>
      <dd className="flex min-w-0 items-center gap-1">
        {value ? (
          <>
            <span data-testid={testId} className="truncate font-mono text-xs">
              {value}
            </span>
            <CopyButton text={value} />
          </>
        ) : (
          <span className="text-slate-500">{empty}</span>
        )}
      </dd>
    </>
  );
}

export function ResultPanel({ result, callActions }: { result: Extract<StartCallResult, { status: "sent" }>; callActions?: CallActions }) {
  const { attempt } = result;
  const t = useTranslations("callForm.result");
  const heading = useRef<HTMLHeadingElement>(null);
  // A new result is brought into view and its heading focused, so it is seen and read out wherever the form was scrolled to.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: "start", behavior: "instant" });
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Card data-testid="call-result" aria-labelledby="call-result-heading" className="scroll-mt-4">
      <div className="mb-4 flex items-center justify-between gap-4">
        <h2
          id="call-result-heading"
          ref={heading}
          tabIndex={-1}
          className="text-base font-semibold text-slate-900 outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
        >
          {t("title")}
        </h2>
        <OutcomeBadge outcome={attempt.outcome} errorCode={attempt.errorCode} />
      </div>

      {result.duplicate ? <p className="mb-3 rounded bg-slate-100 p-2 text-xs text-slate-700">{t("duplicate")}</p> : null}
      {result.unrecorded ? <p className="mb-3 rounded bg-amber-50 p-2 text-xs text-amber-800">{t("unrecorded")}</p> : null}
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
        <IdRow name="RequestId" value={attempt.requestId} testId="result-request-id" empty={t("noRequestId")} />
        <IdRow name="CallId" value={attempt.callId} testId="result-call-id" empty="—" />
        <dt className="text-slate-500">{t("latency")}</dt>
        <dd>
          <Duration ms={attempt.latencyMs} />
        </dd>
      </dl>
      <Explanation attempt={attempt} />
      {attempt.callResult && attempt.callResult.length > 0 ? (
        <div className="mt-4">
          <p className="mb-1 text-xs text-slate-500">{t("perCallee")}</p>
          <CalleeResults results={attempt.callResult} />
        </div>
      ) : null}
      {callActions && attempt.callId && attempt.outcome === "ok" ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <CallPanel callId={attempt.callId} canEnd actions={callActions} />
        </div>
      ) : null}
      <p className="mt-4 text-sm">
        <Link href={`/history/${attempt.id}`} className="font-medium text-brand-600 hover:underline">
          {t("openHistory")}
        </Link>
        {attempt.callId ? (
          <Link href={`/calls/${encodeURIComponent(attempt.callId)}`} className="ml-4 font-medium text-brand-600 hover:underline">
            {t("openCall")}
          </Link>
        ) : null}
      </p>
    </Card>
  );
}
