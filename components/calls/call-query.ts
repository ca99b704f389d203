import { queryOptions, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useLocalize } from "@/components/i18n/localize";
import type { CallFilters } from "@/lib/forms/call-filters";
import { isLivePhase, type CallChangesView, type CallDetailView, type CallView } from "@/lib/forms/call-view";

export const POLL_MS = 3_000;
/** The change feed's interval: an event stored by any instance reaches an open view within about this. */
export const CHANGES_POLL_MS = 1_000;

/** Query keys of calls, in one place, so mutations invalidate through them. */
export const callKeys = {
  all: ["calls"] as const,
  detail: (callId: string) => ["calls", "detail", callId] as const,
  live: ["calls", "live"] as const,
  list: (filters: CallFilters) => ["calls", "list", filters] as const,
  lists: ["calls", "list"] as const,
  changes: ["calls", "changes"] as const,
};

type Loaded = "call" | "live" | "list" | "changes";

/** A read that failed: what it was, and the server's reason (English, as lib writes it) or the HTTP status. */
export class LoadError extends Error {
  constructor(
    readonly what: Loaded,
    readonly detail: string | null,
    readonly status: number,
  ) {
    super(detail ? `${what} could not be loaded: ${detail}` : `${what} could not be loaded (HTTP ${status})`);
  }
}

/** A failed read's message in the page's language. */
export function useLoadErrorText(): (error: Error) => string {
  const t = useTranslations("calls.load");
  const localize = useLocalize();
  return (error) => {
    if (!(error instanceof LoadError)) return error.message;
    return error.detail
      ? t("failed", { what: error.what, detail: localize(error.detail) })
      : t("failedStatus", { what: error.what, status: error.status });
  };
}

export async function getJson<T>(url: string, what: Loaded, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) {
    const detail = ((await response.json().catch(() => null)) as { error?: string } | null)?.error;
    throw new LoadError(what, detail ?? null, response.status);
  }
  return (await response.json()) as T;
}

/** One call's state and timeline, refreshed every 3 s while it may change, never after it ended. */
export function callDetailOptions(callId: string) {
  return queryOptions({
    queryKey: callKeys.detail(callId),
    queryFn: ({ signal }) => getJson<CallDetailView>(`/api/calls/${encodeURIComponent(callId)}`, "call", signal),
    refetchInterval: (q) => (q.state.data && !isLivePhase(q.state.data.call.phase) ? false : POLL_MS),
  });
}

/** Calls in progress: every 3 s while there are some, else every 30 s (to notice new ones). */
export function liveCallsOptions() {
  return queryOptions({
    queryKey: callKeys.live,
    queryFn: ({ signal }) => getJson<{ calls: CallView[] }>("/api/calls/live", "live", signal),
    refetchInterval: (q) => ((q.state.data?.calls.length ?? 0) > 0 ? POLL_MS : 30_000),
  });
}

/** Refreshes the views of the calls whose events the feed shows for the first time. */
function refreshChanged(queryClient: QueryClient, previous: CallChangesView | undefined, next: CallChangesView): void {
  const seen = new Set(previous?.events.map((e) => e.id));
  const changed = new Set(next.events.filter((e) => !seen.has(e.id)).map((e) => e.callId));
  if (changed.size === 0) return;
  // Exact keys: ["calls", "watch", id] sends get_call_info and must not be asked by an event.
  for (const callId of changed) void queryClient.invalidateQueries({ queryKey: callKeys.detail(callId), exact: true });
  void queryClient.invalidateQueries({ queryKey: callKeys.live, exact: true });
  void queryClient.invalidateQueries({ queryKey: callKeys.lists });
}

/**
 * Live across instances: every second, the webhook events any instance stored
 * in the last seconds (read from the shared database); a view showing a call
 * with a new event is read again at once, instead of at its next 3 s poll.
 * One query per tab, however many views use it; paused while the tab is hidden.
 */
export function useCallChanges(): void {
  const queryClient = useQueryClient();
  useQuery({
    queryKey: callKeys.changes,
    queryFn: async ({ signal }) => {
      const next = await getJson<CallChangesView>("/api/calls/changes", "changes", signal);
      refreshChanged(queryClient, queryClient.getQueryData<CallChangesView>(callKeys.changes), next);
      return next;
    },
    refetchInterval: CHANGES_POLL_MS,
    staleTime: CHANGES_POLL_MS,
    retry: false,
  });
}
