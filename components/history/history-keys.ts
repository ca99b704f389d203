import type { HistoryFilters } from "@/lib/forms/history-filters";

/**
 * Query keys of history, in one place, so mutations invalidate through them.
 * Apart from history-query.ts so that a form which only invalidates history
 * (the call form) does not bring the filters' schema, and classic Zod, to the browser.
 */
export const historyKeys = {
  all: ["history"] as const,
  list: (filters: HistoryFilters) => ["history", "list", filters] as const,
};
