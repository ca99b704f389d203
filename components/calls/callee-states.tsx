import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import { useLocalize } from "@/components/i18n/localize";
import type { CalleeStatus, CallPhase, CallView } from "@/lib/forms/call-view";
import { useCatalog } from "./catalog-text";

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

export function CalleeStatusBadge({ status }: { status: CalleeStatus }) {
  const t = useTranslations("calls.calleeStatus");
  return (
    <span data-testid="callee-status" data-status={status} className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_CLASS[status]}`}>
      {t(status)}
    </span>
  );
}

export function PhaseBadge({ phase }: { phase: CallPhase }) {
  const t = useTranslations("calls.phase");
  const tone =
    phase === "ended" || phase === "stale"
      ? "bg-slate-200 text-slate-800"
      : phase === "failed"
        ? "bg-red-100 text-red-900"
        : "bg-emerald-100 text-emerald-900";
  return (
    <span data-testid="call-phase" data-phase={phase} className={`rounded px-2 py-0.5 text-xs font-semibold ${tone}`}>
      {t(phase)}
    </span>
  );
}

/** The call's one state: its phase and result, and each callee's state with when and from what. */
export function CalleeStates({ call }: { call: CallView }) {
  const t = useTranslations("calls.state");
  const catalog = useCatalog();
  const localize = useLocalize();
  return (
    <div className="space-y-2 text-sm" data-testid="call-state">
      <p className="flex flex-wrap items-center gap-2">
        <PhaseBadge phase={call.phase} />
        {call.ended && call.result ? (
          <span data-testid="call-result-text">
            {call.result === "Ended" ? t("endedByEndCall") : t("result", { result: call.result, meaning: catalog.callResult(call.result) })}
          </span>
        ) : null}
        {call.durationS !== null ? <span className="text-slate-600">{t("seconds", { seconds: call.durationS })}</span> : null}
      </p>
      <p className="text-slate-600">
        {t.rich("rang", {
          robot: () => <span className="font-mono text-slate-900">{call.robot ?? "?"}</span>,
          callees: () =>
            call.callees.map((c) => (
              <span key={c.account} className="font-mono text-slate-900">
                {c.account}{" "}
              </span>
            )),
        })}
      </p>
      <ul className="space-y-1" aria-label={t("callees")}>
        {call.callees.map((c) => (
          <li key={c.account} data-testid="callee-row" className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{c.account}</span>
            <CalleeStatusBadge status={c.status} />
            <span className="text-xs text-slate-500">
              {t.rich("since", { time: () => <LocalTime iso={c.at} />, source: t(`source.${c.source}`) })}
              {c.note ? t("note", { note: localize(c.note) }) : ""}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
