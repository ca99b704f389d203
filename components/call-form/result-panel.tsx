import Link from "next/link";
import { CallControls, type CallActions } from "@/components/history/call-controls";
import { CalleeResults } from "@/components/outcome/callee-results";
import { Explanation } from "@/components/outcome/explanation";
import { OutcomeBadge } from "@/components/outcome/outcome-badge";
import { Card, CardTitle } from "@/components/ui/card";
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
  return (
    <Card aria-live="polite" data-testid="call-result">
      <CardTitle aside={<OutcomeBadge outcome={attempt.outcome} errorCode={attempt.errorCode} />}>Result</CardTitle>
      {result.duplicate ? (
        <p className="mb-3 rounded bg-slate-100 p-2 text-xs text-slate-700">
          This submission had already been sent; nothing was sent again.
        </p>
      ) : null}
      {result.unrecorded ? (
        <p className="mb-3 rounded bg-amber-50 p-2 text-xs text-amber-800">
          The answer arrived but could not be written to history: the entry still shows it as pending.
        </p>
      ) : null}
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
        <IdRow name="RequestId" value={attempt.requestId} testId="result-request-id" empty="none (no answer from the Call Engine)" />
        <IdRow name="CallId" value={attempt.callId} testId="result-call-id" empty="—" />
        <dt className="text-slate-500">Latency</dt>
        <dd>
          <Duration ms={attempt.latencyMs} />
        </dd>
      </dl>
      <Explanation attempt={attempt} />
      {attempt.callResult && attempt.callResult.length > 0 ? (
        <div className="mt-4">
          <CalleeResults results={attempt.callResult} />
        </div>
      ) : null}
      {callActions && attempt.callId && attempt.outcome === "ok" ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <CallControls entryId={attempt.id} canEnd actions={callActions} />
        </div>
      ) : null}
      <p className="mt-4 text-sm">
        <Link href={`/history/${attempt.id}`} className="font-medium text-brand-600 hover:underline">
          Open in history →
        </Link>
      </p>
    </Card>
  );
}
