"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useLocalize } from "@/components/i18n/localize";
import { OutcomeBadge } from "@/components/outcome/outcome-badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { DataTable } from "@/components/ui/table";
import { commandLabel } from "@/lib/tencent/commands";
import { filtersFromParams } from "@/lib/forms/history-filters";
import { HistoryFiltersForm, type FilterOptions } from "./history-filters";
import { HistoryLoadError, historyListOptions } from "./history-query";
import { useHistorySearch } from "./use-history-search";

export function HistoryList({ options }: { options: FilterOptions }) {
  const t = useTranslations("history.list");
  const localize = useLocalize();
  // lib writes "field rule; field rule" in English: each in the user's language.
  const issues = (text: string) => text.split("; ").map(localize).join(t("issueSeparator"));
  const loadFailure = (error: Error) =>
    !(error instanceof HistoryLoadError)
      ? error.message
      : error.detail
        ? t("loadFailed", { detail: issues(error.detail) })
        : t("loadFailedStatus", { status: String(error.status) });
  const searchParams = useSearchParams();
  const parsed = filtersFromParams(searchParams);
  const filters = parsed.ok ? parsed.filters : {};
  const query = useInfiniteQuery(historyListOptions(filters));
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const { apply, formKey } = useHistorySearch(filters, { entries, settled: query.isSuccess && !query.isFetching });

  return (
    <div className="space-y-4">
      <HistoryFiltersForm key={formKey} filters={filters} options={options} onApply={apply} />

      {!parsed.ok ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {t("invalidFilters", { error: issues(parsed.error) })}
        </p>
      ) : null}
      {query.isError ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {loadFailure(query.error)}{" "}
          <button className="underline" onClick={() => query.refetch()}>
            {t("tryAgain")}
          </button>
        </p>
      ) : null}

      <DataTable
        label={t("label")}
        columns={[
          { label: t("time") },
          { label: t("profile") },
          { label: t("command") },
          { label: "Robot_Account", mono: true },
          { label: "CalleeList_Account", mono: true },
          { label: t("outcome") },
          { label: t("latency") },
          { label: t("operator") },
          { label: "RequestId", mono: true },
        ]}
        footer={
          <>
            {query.isPending ? (
              <p className="flex items-center gap-2 p-4 text-sm text-slate-600">
                <Loader2 className="size-4 animate-spin" aria-hidden /> {t("loading")}
              </p>
            ) : entries.length === 0 ? (
              <p className="p-4 text-sm text-slate-600">{filtered ? t("noMatch") : t("empty")}</p>
            ) : null}
          </>
        }
      >
        {entries.map((entry) => (
          <tr key={entry.id} className="border-t border-slate-100 hover:bg-slate-50" data-testid="history-row">
            <td className="px-3 py-2 whitespace-nowrap">
              <Link href={`/history/${entry.id}`} className="text-brand-600 hover:underline">
                <LocalTime iso={entry.createdAt} />
              </Link>
            </td>
            <td className="px-3 py-2">{entry.profileName}</td>
            <td className="px-3 py-2 font-mono text-xs">
              {commandLabel(entry.command)}
              {entry.background ? <span className="ml-1 font-sans text-slate-500">{t("background")}</span> : null}
              {entry.callId ? (
                <Link href={`/calls/${encodeURIComponent(entry.callId)}`} className="ml-2 font-sans text-brand-600 hover:underline">
                  {t("call")}
                </Link>
              ) : null}
            </td>
            <td className="px-3 py-2 font-mono text-xs">{entry.robotAccount ?? "—"}</td>
            <td className="max-w-56 truncate px-3 py-2 font-mono text-xs" title={entry.callees.join(", ")}>
              {entry.callees.join(", ") || "—"}
            </td>
            <td className="px-3 py-2">
              <OutcomeBadge outcome={entry.outcome} errorCode={entry.errorCode} />
            </td>
            <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums" data-testid="history-latency">
              {entry.latencyMs !== null ? t("ms", { ms: entry.latencyMs }) : "—"}
            </td>
            <td className="max-w-40 truncate px-3 py-2 text-xs" title={entry.operator ?? undefined}>
              {entry.operator ?? "—"}
            </td>
            <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">
              {entry.requestId ? (
                <Link href={`/history/${entry.id}`} className="hover:underline">
                  {entry.requestId}
                </Link>
              ) : (
                "—"
              )}
            </td>
          </tr>
        ))}
      </DataTable>

      {query.hasNextPage ? (
        <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? t("loading") : t("loadMore")}
        </Button>
      ) : null}
    </div>
  );
}
