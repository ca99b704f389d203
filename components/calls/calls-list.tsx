"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { DataTable } from "@/components/ui/table";
import { callFiltersFromParams, callFiltersToParams, type CallFilters } from "@/lib/forms/call-filters";
import type { CallView } from "@/lib/forms/call-view";
import { useLocalize } from "@/components/i18n/localize";
import { useCatalog } from "./catalog-text";
import { CallFiltersForm } from "./call-filters-form";
import { callListOptions } from "./call-list-query";
import { liveCallsOptions, useCallChanges, useLoadErrorText } from "./call-query";
import { CalleeStatusBadge, PhaseBadge } from "./callee-states";

const callHref = (call: CallView) => `/calls/${encodeURIComponent(call.callId)}`;

function Callees({ call }: { call: CallView }) {
  return (
    <ul className="space-y-0.5">
      {call.callees.map((c) => (
        <li key={c.account} className="flex items-center gap-1.5" data-testid="callee-row">
          <span className="font-mono text-xs">{c.account}</span> <CalleeStatusBadge status={c.status} />
        </li>
      ))}
    </ul>
  );
}

/** Calls in progress (live), then recent calls with result, duration and who answered; filters in the URL, keyset pages. */
export function CallsList({ profiles }: { profiles: { id: string; name: string }[] }) {
  const t = useTranslations("calls.list");
  const tState = useTranslations("calls.state");
  const catalog = useCatalog();
  const localize = useLocalize();
  const loadErrorText = useLoadErrorText();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const parsed = callFiltersFromParams(searchParams);
  const filters: CallFilters = parsed.ok ? parsed.filters : {};
  useCallChanges();
  const live = useQuery(liveCallsOptions());
  const list = useInfiniteQuery(callListOptions(filters));
  const calls = list.data?.pages.flatMap((p) => p.calls) ?? [];
  const apply = (next: CallFilters) => {
    const params = callFiltersToParams(next);
    router.replace(params.size > 0 ? `${pathname}?${params.toString()}` : pathname);
  };

  return (
    <div className="space-y-6">
      <section aria-labelledby="live-calls" className="space-y-2">
        <h2 id="live-calls" className="text-lg font-semibold text-slate-900">
          {t("inProgress")}
        </h2>
        {live.isError ? <p className="text-sm text-red-700">{loadErrorText(live.error)}</p> : null}
        {live.data && live.data.calls.length === 0 ? <p className="text-sm text-slate-600">{t("noneInProgress")}</p> : null}
        <ul className="grid gap-3 md:grid-cols-2" data-testid="live-calls">
          {(live.data?.calls ?? []).map((call) => (
            <li key={call.callId} data-testid="live-call" className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
              <p className="mb-2 flex items-center gap-2">
                <PhaseBadge phase={call.phase} />
                <Link href={callHref(call)} className="font-mono text-xs text-brand-600 hover:underline">
                  {call.robot ?? "?"} · {call.callId}
                </Link>
              </p>
              <Callees call={call} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="recent-calls" className="space-y-3">
        <h2 id="recent-calls" className="text-lg font-semibold text-slate-900">
          {t("recent")}
        </h2>
        <CallFiltersForm key={searchParams.toString()} filters={filters} profiles={profiles} onApply={apply} />
        {!parsed.ok ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            {t("badFilters", { error: parsed.error.split("; ").map(localize).join(t("separator")) })}
          </p>
        ) : null}
        {list.isError ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            {loadErrorText(list.error)}
          </p>
        ) : null}
        <DataTable
          columns={[
            { label: t("columns.started") },
            { label: t("columns.profile") },
            { label: "Robot_Account", mono: true },
            { label: t("columns.callees") },
            { label: t("columns.result") },
            { label: t("columns.duration") },
          ]}
          footer={
            list.isPending ? (
              <p className="flex items-center gap-2 p-4 text-sm text-slate-600">
                <Loader2 className="size-4 animate-spin" aria-hidden /> {t("loading")}
              </p>
            ) : calls.length === 0 ? (
              <p className="p-4 text-sm text-slate-600">{t("noMatch")}</p>
            ) : null
          }
        >
          {calls.map((call) => (
            <tr key={call.callId} className="border-t border-slate-100 align-top hover:bg-slate-50" data-testid="call-row">
              <td className="px-3 py-2 whitespace-nowrap">
                <Link href={callHref(call)} className="text-brand-600 hover:underline">
                  {call.startedAt ? <LocalTime iso={call.startedAt} /> : "—"}
                </Link>
              </td>
              <td className="px-3 py-2">{call.profileName}</td>
              <td className="px-3 py-2 font-mono text-xs">{call.robot ?? "—"}</td>
              <td className="px-3 py-2">
                <Callees call={call} />
              </td>
              <td className="px-3 py-2">
                <PhaseBadge phase={call.phase} />{" "}
                {call.ended && call.result && call.result !== "Ended" ? (
                  <span className="text-xs text-slate-600" title={catalog.callResult(call.result)}>
                    {call.result}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {call.durationS !== null ? tState("seconds", { seconds: call.durationS }) : "—"}
              </td>
            </tr>
          ))}
        </DataTable>
        {list.hasNextPage ? (
          <Button variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? t("loading") : t("loadMore")}
          </Button>
        ) : null}
      </section>
    </div>
  );
}
