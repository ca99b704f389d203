import { OutcomeBadge } from "@/components/outcome/outcome-badge";
import { LocalTime } from "@/components/ui/local-time";
import type { CallEventView } from "@/lib/forms/call-event-view";
import type { TimelineItem } from "@/lib/forms/call-view";
import { commandLabel } from "@/lib/tencent/commands/label";
import { describeCallResult } from "@/lib/tencent/error-catalog";

export function describeEvent(event: CallEventView): string {
  if (event.kind === "started") {
    const who = event.members.map(
      (m) => `${m.account} ${m.status === "Calling" ? "calling" : m.status === "Waiting" ? "ringing" : (m.status ?? "")}`,
    );
    return `Started${event.mediaType ? ` (${event.mediaType})` : ""}: ${who.join(", ")}`;
  }
  if (event.kind === "member-changed") return event.changes.map((c) => `${c.account}: ${c.action}`).join(", ") || "Members changed";
  if (event.kind === "ended")
    return `Ended: ${event.callResult ? `${event.callResult}. ${describeCallResult(event.callResult)}` : "no CallResult"}`;
  return `Unreadable event (${event.command || "no CallbackCommand"})`;
}

/** Everything that happened to the call, in order: the start, every follow-up request, every webhook event, the record. */
export function CallTimeline({ items }: { items: TimelineItem[] }) {
  return (
    <div className="space-y-2" data-testid="call-timeline">
      <h3 className="text-sm font-semibold text-slate-900">Timeline</h3>
      <ol className="space-y-1.5 border-l border-slate-200 pl-4 text-sm">
        {items.map((item) =>
          item.kind === "request" ? (
            <li key={item.entryId} data-testid="call-request" className="flex flex-wrap items-center gap-2">
              <span className="text-xs text-slate-500">
                <LocalTime iso={item.at} />
              </span>
              <a href={`/history/${item.entryId}`} className="font-mono text-xs text-brand-600 hover:underline">
                {commandLabel(item.command)}
              </a>
              <OutcomeBadge outcome={item.outcome} errorCode={item.errorCode} />
              {item.background ? <span className="text-xs text-slate-500">background read</span> : null}
              {item.operator ? <span className="text-xs text-slate-500">by {item.operator}</span> : null}
            </li>
          ) : (
            <li key={item.event.id} data-testid="call-event">
              <span className="mr-2 text-xs text-slate-500">
                <LocalTime iso={item.at} />
              </span>
              <span className="mr-1 text-xs text-slate-500">webhook</span>
              {describeEvent(item.event)}
              {item.event.problems.length > 0 ? (
                <details className="mt-1 text-xs text-amber-800">
                  <summary>Malformed: {item.event.problems.join("; ")} (kept as received)</summary>
                  <pre className="mt-1 overflow-auto rounded bg-slate-900 p-2 text-slate-100">{item.event.payload}</pre>
                </details>
              ) : null}
            </li>
          ),
        )}
      </ol>
    </div>
  );
}
