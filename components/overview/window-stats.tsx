import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCatalog } from "@/components/calls/catalog-text";
import { OutcomeBadge } from "@/components/outcome/outcome-badge";
import { Card } from "@/components/ui/card";
import { Duration } from "@/components/ui/duration";
import { DataTable } from "@/components/ui/table";
import { filtersToParams, OUTCOMES, type HistoryFilters } from "@/lib/forms/history-filters";
import type { LatencyFigure, ProfileStatsView } from "@/lib/forms/overview-view";

export type WindowStatsView = ProfileStatsView;

/** A percentile from the hourly histogram: its bucket's upper bound ("over" past the last bucket). */
function Latency({ figure }: { figure: LatencyFigure | null }) {
  const t = useTranslations("overview");
  if (figure === null) return <>—</>;
  const duration = () => <Duration ms={figure.ms} />;
  return <>{figure.above ? t.rich("latencyAbove", { duration }) : duration()}</>;
}

const historyHref = (filters: HistoryFilters) => `/history?${filtersToParams(filters).toString()}`;

/** One window (24 h or 7 days): a card per profile. */
export function WindowStats({ title, since, stats }: { title: string; since: string; stats: WindowStatsView[] }) {
  const t = useTranslations("overview");
  const catalog = useCatalog();
  return (
    <section aria-label={title} className="space-y-3">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {stats.length === 0 ? <p className="text-sm text-slate-600">{t("noAttempts")}</p> : null}
      {stats.map((s) => {
        const scope = { profile: s.profileId ?? undefined, from: since };
        const failures = s.total - (s.byOutcome.ok ?? 0) - (s.byOutcome.pending ?? 0);
        return (
          <Card key={s.profileId ?? s.profileName} data-testid="profile-stats">
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-3">
              <h3 className="font-semibold text-slate-900">
                {s.profileId === null ? t("deletedProfile", { name: s.profileName }) : s.profileName}
              </h3>
              <p className="text-sm text-slate-600">
                <Link className="text-brand-600 hover:underline" href={historyHref(scope)}>
                  {t("attempts", { count: s.total })}
                </Link>
                {" · "}
                {s.total > 0 ? t("failed", { percent: Math.round((failures / s.total) * 100) }) : ""}
                {` · ${t("latency")} `}
                <span data-testid="latency" title={t("latencyHint")}>
                  {t.rich("latencyFigures", {
                    median: () => <Latency figure={s.latency.median} />,
                    p95: () => <Latency figure={s.latency.p95} />,
                  })}
                </span>
              </p>
            </div>
            <div className="mb-4 flex flex-wrap gap-2">
              {OUTCOMES.filter((o) => s.byOutcome[o]).map((o) => (
                <Link
                  key={o}
                  href={historyHref({ ...scope, outcome: o })}
                  className="inline-flex items-center gap-1 text-sm hover:underline"
                >
                  <OutcomeBadge outcome={o} /> <span className="font-mono">{s.byOutcome[o]}</span>
                </Link>
              ))}
            </div>
            {s.topErrors.length > 0 ? (
              <DataTable
                columns={[
                  { label: "ErrorCode", mono: true },
                  { label: t("columns.count") },
                  { label: t("columns.meaning") },
                  { label: t("columns.action") },
                ]}
              >
                {s.topErrors.map((e) => {
                  const entry = catalog.code(e.code);
                  return (
                    <tr key={e.code} className="border-t border-slate-100 align-top" data-testid="top-error">
                      <td className="px-3 py-2 font-mono">
                        <Link className="text-brand-600 hover:underline" href={historyHref({ ...scope, code: e.code })}>
                          {e.code}
                        </Link>
                      </td>
                      <td className="px-3 py-2 font-mono">{t("count", { count: e.count })}</td>
                      <td className="px-3 py-2">
                        {t.rich("meaning", { title: entry.title, cause: entry.cause, b: (c) => <span className="font-medium">{c}</span> })}
                      </td>
                      <td className="px-3 py-2 text-slate-700">{entry.action}</td>
                    </tr>
                  );
                })}
              </DataTable>
            ) : null}
          </Card>
        );
      })}
    </section>
  );
}
