"use client";

import { useQuery } from "@tanstack/react-query";
import { CodeBlock } from "@/components/ui/code-block";
import { LocalTime } from "@/components/ui/local-time";
import type { CallEventView } from "@/lib/forms/call-event-view";
import { describeCallResult } from "@/lib/tencent/error-catalog";

export const callEventKeys = { list: (entryId: string) => ["call-events", entryId] as const };

function describe(event: CallEventView): string {
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

/** The call's webhook events, refreshed every 3 s until the call has ended. */
export function CallTimeline({ entryId }: { entryId: string }) {
  const query = useQuery({
    queryKey: callEventKeys.list(entryId),
    queryFn: async ({ signal }): Promise<CallEventView[]> => {
      const response = await fetch(`/api/history/${encodeURIComponent(entryId)}/events`, { signal });
      if (!response.ok) throw new Error(`events could not be loaded (HTTP ${response.status})`);
      return ((await response.json()) as { events: CallEventView[] }).events;
    },
    refetchInterval: (q) => (q.state.data?.some((e) => e.kind === "ended") ? false : 3_000),
  });
  const events = query.data ?? [];
  return (
    <div className="space-y-2" data-testid="call-timeline">
      <h3 className="text-sm font-semibold text-slate-900">Webhook events</h3>
      {query.isError ? <p className="text-sm text-red-700">{query.error.message}</p> : null}
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">
          None yet. Events arrive when the profile&apos;s webhook points at this console (Profiles → Webhooks).
        </p>
      ) : (
        <ol className="space-y-1.5 border-l border-slate-200 pl-4 text-sm">
          {events.map((e) => (
            <li key={e.id} data-testid="call-event">
              <span className="mr-2 text-xs text-slate-500">
                <LocalTime iso={e.eventTime ? new Date(e.eventTime).toISOString() : e.receivedAt} />
              </span>
              {describe(e)}
              {e.problems.length > 0 ? (
                <details className="mt-1 text-xs text-amber-800">
                  <summary>Malformed: {e.problems.join("; ")} (kept as received)</summary>
                  <CodeBlock className="mt-1" aria-label="Event as received" text={e.payload} />
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
