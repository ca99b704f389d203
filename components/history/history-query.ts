import { infiniteQueryOptions } from "@tanstack/react-query";
import type { AttemptView } from "@/lib/forms/attempt-view";

export interface HistoryPageView {
  entries: AttemptView[];
  nextCursor: string | null;
}

/** Query keys of history, in one place, so mutations invalidate through them. */
export const historyKeys = {
  all: ["history"] as const,
  list: (q: string) => ["history", "list", { q }] as const,
};

export function historyListOptions(q: string) {
  return infiniteQueryOptions({
    queryKey: historyKeys.list(q),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<HistoryPageView> => {
      const params = new URLSearchParams();
      if (q) params.set("q", q);
      if (pageParam) params.set("cursor", pageParam);
      const response = await fetch(`/api/history?${params.toString()}`, { signal, headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`history could not be loaded (HTTP ${response.status})`);
      return (await response.json()) as HistoryPageView;
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
