"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { AttemptView } from "@/lib/forms/attempt-view";
import { filtersToParams, type HistoryFilters } from "@/lib/forms/history-filters";
import { isExactSearch, normalizeSearch } from "@/lib/forms/search-text";
import { COMMANDS } from "@/lib/tencent/commands";

/** The entry an exact search names: the RequestId's or the entry's own, or the start of the CallId's call. */
export function entryNamedBy(q: string, entries: AttemptView[]): AttemptView | undefined {
  const exact = entries.find((e) => e.id === q || e.requestId === q);
  if (exact) return exact;
  const ofCall = entries.filter((e) => e.callId === q);
  return ofCall.find((e) => e.command === COMMANDS.startCallByRobot) ?? ofCall[ofCall.length - 1];
}

function withoutOpen(paramsText: string): string {
  const params = new URLSearchParams(paramsText);
  params.delete("open");
  return params.toString();
}

/**
 * The history's filters as the address holds them, applied by the form as
 * they change. A search that names exactly one RequestId, CallId or entry
 * (typed here, or handed over with ?open=1 by the command palette) opens that
 * entry once its page of results is in.
 */
export function useHistorySearch(filters: HistoryFilters, result: { entries: AttemptView[]; settled: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const paramsText = searchParams.toString();
  const [written, setWritten] = useState<string | null>(null);
  const [seen, setSeen] = useState({ text: paramsText, formKey: 0 });
  const handOver = searchParams.get("open") === "1";
  const openFor = useRef<string | null>(handOver ? (filters.q ?? null) : null);

  // The address changed without the form (back, a link, the palette): the form starts again from it.
  if (seen.text !== paramsText) {
    const unchanged = paramsText === written || withoutOpen(paramsText) === withoutOpen(seen.text);
    setSeen({ text: paramsText, formKey: unchanged ? seen.formKey : seen.formKey + 1 });
  }

  useEffect(() => {
    const wanted = openFor.current;
    if (!wanted || filters.q !== wanted || !result.settled) return;
    openFor.current = null;
    const target = entryNamedBy(wanted, result.entries);
    // Handed over (?open=1): the jump takes this address's place, so Back returns to where the palette was opened.
    if (target && handOver) router.replace(`/history/${encodeURIComponent(target.id)}`);
    else if (target) router.push(`/history/${encodeURIComponent(target.id)}`);
    else if (handOver) router.replace(`${pathname}?${withoutOpen(paramsText)}`, { scroll: false });
  }, [filters.q, result.settled, result.entries, router, handOver, pathname, paramsText]);

  const apply = (next: HistoryFilters) => {
    const params = filtersToParams(next);
    const text = params.toString();
    if (next.q && next.q !== filters.q && isExactSearch(normalizeSearch(next.q).kind)) openFor.current = normalizeSearch(next.q).q;
    if (text === paramsText) return;
    setWritten(text);
    router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
  };

  return { apply, formKey: seen.formKey };
}
