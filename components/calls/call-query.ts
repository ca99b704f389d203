import { queryOptions } from "@tanstack/react-query";
import type { CallFilters } from "@/lib/forms/call-filters";
import { isLivePhase, type CallDetailView, type CallView } from "@/lib/forms/call-view";

export const POLL_MS = 3_000;

/** Query keys of calls, in one place, so mutations invalidate through them. */
export const callKeys = {
  all: ["calls"] as const,
  detail: (callId: string) => ["calls", "detail", callId] as const,
  live: ["calls", "live"] as const,
  list: (filters: CallFilters) => ["calls", "list", filters] as const,
};

export async function getJson<T>(url: string, what: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) {
    const detail = ((await response.json().catch(() => null)) as { error?: string } | null)?.error;
    throw new Error(detail ? `${what} could not be loaded: ${detail}` : `${what} could not be loaded (HTTP ${response.status})`);
  }
  return (await response.json()) as T;
}

/** One call's state and timeline, refreshed every 3 s while it may change, never after it ended. */
export function callDetailOptions(callId: string) {
  return queryOptions({
    queryKey: callKeys.detail(callId),
    queryFn: ({ signal }) => getJson<CallDetailView>(`/api/calls/${encodeURIComponent(callId)}`, "the call", signal),
    refetchInterval: (q) => (q.state.data && !isLivePhase(q.state.data.call.phase) ? false : POLL_MS),
  });
}

/** Calls in progress: every 3 s while there are some, else every 30 s (to notice new ones). */
export function liveCallsOptions() {
  return queryOptions({
    queryKey: callKeys.live,
    queryFn: ({ signal }) => getJson<{ calls: CallView[] }>("/api/calls/live", "calls in progress", signal),
    refetchInterval: (q) => ((q.state.data?.calls.length ?? 0) > 0 ? POLL_MS : 30_000),
  });
}
