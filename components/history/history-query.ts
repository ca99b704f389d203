import { infiniteQueryOptions } from "@tanstack/react-query";
import type { AttemptView } from "@/lib/forms/attempt-view";
import { filtersToParams, type HistoryFilters } from "@/lib/forms/history-filters";
import { historyKeys } from "./history-keys";

export interface HistoryPageView {
  entries: AttemptView[];
  nextCursor: string | null;
}

/** The list could not be read: the server's reason (English, from lib), or the HTTP status when it gave none. */
export class HistoryLoadError extends Error {
  constructor(
    readonly detail: string | null,
    readonly status: number,
  ) {
    super(detail ? `history could not be loaded: ${detail}` : `history could not be loaded (HTTP ${status})`);
  }
}

export function historyListOptions(filters: HistoryFilters) {
  return infiniteQueryOptions({
    queryKey: historyKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<HistoryPageView> => {
      const params = filtersToParams(filters);
      if (pageParam) params.set("cursor", pageParam);
      const response = await fetch(`/api/history?${params.toString()}`, { signal, headers: { accept: "application/json" } });
      if (!response.ok) {
        const detail = ((await response.json().catch(() => null)) as { error?: string } | null)?.error;
        throw new HistoryLoadError(detail ?? null, response.status);
      }
      return (await response.json()) as HistoryPageView;
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
