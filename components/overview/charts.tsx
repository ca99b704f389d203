"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { filtersToParams, OUTCOMES, type HistoryFilters } from "@/lib/forms/history-filters";
import { formatDuration, formatNumber } from "@/lib/forms/format";
import type { HourPoint, ProfileSeries } from "@/lib/forms/overview-view";

const OUTCOME_COLOR: Record<(typeof OUTCOMES)[number], string> = {
  pending: "#94a3b8",
  ok: "#10b981",
  "api-error": "#ef4444",
  "http-error": "#f97316",
  "bad-response": "#a855f7",
  timeout: "#f59e0b",
  "network-error": "#64748b",
};
const CODE_COLORS = ["#dc2626", "#2563eb", "#d97706", "#7c3aed", "#0891b2"];
const HOUR_MS = 3_600_000;

function ChartCard({ title, testId, children }: { title: string; testId: string; children: React.ReactElement }) {
  return (
    <Card className="p-4" data-testid={testId}>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">{title}</h3>
      <div className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </Card>
  );
}

/**
 * The window's charts, per profile: attempts per hour by outcome (stacked),
 * latency p50/p95 per hour, and the top error codes per hour. Every bar
 * opens the history of its hour (and outcome, or code).
 */
export function OverviewCharts({ title, series, wide }: { title: string; series: ProfileSeries[]; wide: boolean }) {
  const t = useTranslations("overview");
  const locale = useLocale();
  const router = useRouter();
  const [profileId, setProfileId] = useState("");
  const current = series.find((s) => s.profileId === profileId) ?? series[0];
  if (!current) return null;
  const label = (iso: string) => {
    const d = new Date(iso);
    const hh = `${String(d.getHours()).padStart(2, "0")}:00`;
    if (!wide) return hh;
    const day = locale === "en" ? `${d.getMonth() + 1}/${d.getDate()}` : d.toLocaleDateString(locale, { month: "numeric", day: "numeric" });
    return `${day} ${hh}`;
  };
  const count = (value: unknown) => (typeof value === "number" ? formatNumber(value, locale) : String(value));
  const latency = (value: unknown) => (typeof value === "number" ? formatDuration(value, locale) : String(value));
  const rows = current.hours.map((h) => ({ ...h, label: label(h.hour) }));
  const open = (point: HourPoint | undefined, extra: HistoryFilters) => {
    if (!point) return;
    const to = new Date(Date.parse(point.hour) + HOUR_MS).toISOString();
    const filters: HistoryFilters = { profile: current.profileId || undefined, from: point.hour, to, ...extra };
    router.push(`/history?${filtersToParams(filters).toString()}`);
  };
  const used = OUTCOMES.filter((o) => rows.some((r) => r.outcomes[o]));

  return (
    <div className="space-y-3" data-testid="overview-charts">
      <label className="flex items-center gap-2 text-sm text-slate-700">
        {t("chartsFor")}
        <Select
          aria-label={t("chartsProfile", { title })}
          className="w-56"
          value={current.profileId}
          onChange={(e) => setProfileId(e.target.value)}
        >
          {series.map((s) => (
            <option key={s.profileId} value={s.profileId}>
              {s.profileId === "" ? t("allProfiles") : s.profileName}
            </option>
          ))}
        </Select>
      </label>
      <div className="grid gap-4 xl:grid-cols-3">
        <ChartCard title={t("charts.outcomes")} testId="chart-outcomes">
          <BarChart data={rows} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" fontSize={11} minTickGap={16} />
            <YAxis allowDecimals={false} fontSize={11} width={36} tickFormatter={count} />
            <Tooltip formatter={count} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {used.map((o) => (
              <Bar
                key={o}
                dataKey={(r: HourPoint) => r.outcomes[o] ?? 0}
                name={t(`outcomes.${o}`)}
                stackId="outcome"
                fill={OUTCOME_COLOR[o]}
                cursor="pointer"
                onClick={(_bar, index) => open(rows[index], { outcome: o })}
              />
            ))}
          </BarChart>
        </ChartCard>
        <ChartCard title={t("charts.latency")} testId="chart-latency">
          <BarChart data={rows} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" fontSize={11} minTickGap={16} />
            <YAxis fontSize={11} width={44} tickFormatter={count} />
            <Tooltip formatter={latency} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Bar dataKey="p50" name="p50" fill="#60a5fa" cursor="pointer" onClick={(_bar, index) => open(rows[index], {})} />
            <Bar dataKey="p95" name="p95" fill="#1d4ed8" cursor="pointer" onClick={(_bar, index) => open(rows[index], {})} />
          </BarChart>
        </ChartCard>
        <ChartCard title={t("charts.errors")} testId="chart-errors">
          <BarChart data={rows} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" fontSize={11} minTickGap={16} />
            <YAxis allowDecimals={false} fontSize={11} width={36} tickFormatter={count} />
            <Tooltip formatter={count} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {current.topCodes.map((code, i) => (
              <Bar
                key={code}
                dataKey={(r: HourPoint) => r.errors[code] ?? 0}
                name={String(code)}
                stackId="code"
                fill={CODE_COLORS[i % CODE_COLORS.length]}
                cursor="pointer"
                onClick={(_bar, index) => open(rows[index], { outcome: "api-error", code })}
              />
            ))}
          </BarChart>
        </ChartCard>
      </div>
    </div>
  );
}
