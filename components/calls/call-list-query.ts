import { infiniteQueryOptions } from "@tanstack/react-query";
import { callFiltersToParams, type CallFilters } from "@/lib/forms/call-filters";
import type { CallView } from "@/lib/forms/call-view";
import { callKeys, getJson } from "./call-query";

/**
 * The calls list, page by page. Apart from call-query.ts so that the call panel
 * (shown on the call form) does not bring the filters' schema, and classic Zod,
 * to the browser.
 */
export function callListOptions(filters: CallFilters) {
  return infiniteQueryOptions({
    queryKey: callKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = callFiltersToParams(filters);
      if (pageParam) params.set("cursor", pageParam);
      return getJson<{ calls: CallView[]; nextCursor: string | null }>(`/api/calls?${params.toString()}`, "list", signal);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
