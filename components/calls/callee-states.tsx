import { LocalTime } from "@/components/ui/local-time";
import { CALLEE_STATUS_LABEL, PHASE_LABEL, type CalleeStatus, type CallPhase, type CallView } from "@/lib/forms/call-view";
import { describeCallResult } from "@/lib/tencent/error-catalog";

const STATUS_CLASS: Record<CalleeStatus, string> = {
  ringing: "bg-amber-100 text-amber-900",
  "in-call": "bg-emerald-100 text-emerald-900",
  rejected: "bg-red-100 text-red-900",
  "not-answered": "bg-slate-200 text-slate-800",
  "hung-up": "bg-slate-200 text-slate-800",
  cancelled: "bg-slate-200 text-slate-800",
  offline: "bg-slate-200 text-slate-800",
  unknown: "bg-slate-100 text-slate-600",
};

const SOURCE_LABEL = {
  start: "the start's answer",
  webhook: "a webhook event",
  status: "a status read",
  end: "end_call",
  record: "the record",
};

export function CalleeStatusBadge({ status }: { status: CalleeStatus }) {
  return (
    <span data-testid="callee-status" data-status={status} className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_CLASS[status]}`}>
      {CALLEE_STATUS_LABEL[status]}
    </span>
  );
}

export function PhaseBadge({ phase }: { phase: CallPhase }) {
  const tone =
    phase === "ended" || phase === "stale"
      ? "bg-slate-200 text-slate-800"
      : phase === "failed"
        ? "bg-red-100 text-red-900"
        : "bg-emerald-100 text-emerald-900";
  return (
    <span data-testid="call-phase" data-phase={phase} className={`rounded px-2 py-0.5 text-xs font-semibold ${tone}`}>
      {PHASE_LABEL[phase]}
    </span>
  );
}

/** The call's one state: its phase and result, and each callee's state with when and from what. */
export function CalleeStates({ call }: { call: CallView }) {
  return (
    <div className="space-y-2 text-sm" data-testid="call-state">
      <p className="flex flex-wrap items-center gap-2">
        <PhaseBadge phase={call.phase} />
        {call.ended && call.result ? (
          <span data-testid="call-result-text">
            {call.result === "Ended" ? "Ended by end_call." : `${call.result}: ${describeCallResult(call.result)}`}
          </span>
        ) : null}
        {call.durationS !== null ? <span className="text-slate-600">{call.durationS} s</span> : null}
      </p>
      <p className="text-slate-600">
        <span className="font-mono text-slate-900">{call.robot ?? "?"}</span> rang{" "}
        {call.callees.map((c) => (
          <span key={c.account} className="font-mono text-slate-900">
            {c.account}{" "}
          </span>
        ))}
      </p>
      <ul className="space-y-1" aria-label="Callees">
        {call.callees.map((c) => (
          <li key={c.account} data-testid="callee-row" className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{c.account}</span>
            <CalleeStatusBadge status={c.status} />
            <span className="text-xs text-slate-500">
              since <LocalTime iso={c.at} />, from {SOURCE_LABEL[c.source]}
              {c.note ? ` (${c.note})` : ""}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
