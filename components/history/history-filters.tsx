"use client";

import { Download, Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { filtersToParams, OUTCOMES, type HistoryFilters } from "@/lib/forms/history-filters";
import { normalizeSearch } from "@/lib/forms/search-text";
import { commandLabel } from "@/lib/tencent/commands";

export interface FilterOptions {
  profiles: { id: string; name: string }[];
  operators: { id: string; email: string }[];
  commands: string[];
}

/** "2026-11-25T10:00:00.000Z" -> the browser-zone value a datetime-local input shows. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

/** Quick time ranges beside the custom one: from that long ago until now. */
export const DATE_PRESETS = [
  { label: "lastHour", ms: 3_600_000 },
  { label: "day", ms: 86_400_000 },
  { label: "week", ms: 7 * 86_400_000 },
] as const;

/** Typing settles for this long before the list follows. */
const SETTLE_MS = 350;

type Draft = Omit<HistoryFilters, "code"> & { code: string; fromLocal: string; toLocal: string };

function filtersOf(draft: Draft): HistoryFilters {
  return {
    q: normalizeSearch(draft.q ?? "").q || undefined,
    outcome: draft.outcome || undefined,
    code: /^-?\d+$/.test(draft.code.trim()) ? Number(draft.code.trim()) : undefined,
    command: draft.command || undefined,
    profile: draft.profile || undefined,
    operator: draft.operator || undefined,
    from: fromLocalInput(draft.fromLocal),
    to: fromLocalInput(draft.toLocal),
  };
}

export function HistoryFiltersForm({
  filters,
  options,
  onApply,
}: {
  filters: HistoryFilters;
  options: FilterOptions;
  onApply: (filters: HistoryFilters) => void;
}) {
  const t = useTranslations("history.filters");
  const tOutcome = useTranslations("history.outcomes");
  const [draft, setDraft] = useState<Draft>({
    ...filters,
    code: filters.code === undefined ? "" : String(filters.code),
    fromLocal: toLocalInput(filters.from),
    toLocal: toLocalInput(filters.to),
  });
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: event.target.value }));
  // Filters apply as they change: at once for a choice, once typing settles for text.
  const onApplyRef = useRef(onApply);
  // The background-reads box applies at once; the debounced filters keep its value.
  const backgroundRef = useRef(filters.background);
  useEffect(() => {
    onApplyRef.current = onApply;
    backgroundRef.current = filters.background;
  });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = window.setTimeout(() => onApplyRef.current({ ...filtersOf(draft), background: backgroundRef.current }), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [draft]);
  const preset = (ms: number) => setDraft((d) => ({ ...d, fromLocal: toLocalInput(new Date(Date.now() - ms).toISOString()), toLocal: "" }));
  const active = Object.values(filters).some((v) => v !== undefined && v !== "");
  const exportHref = (format: "csv" | "json") => {
    const params = filtersToParams(filters);
    params.set("format", format);
    return `/api/history/export?${params.toString()}`;
  };

  return (
    <form
      role="search"
      aria-label={t("form")}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ ...filtersOf(draft), background: filters.background });
      }}
    >
      <div className="flex flex-wrap gap-2">
        <label htmlFor="history-q" className="sr-only">
          {t("searchLabel")}
        </label>
        <div className="relative min-w-0 flex-1 basis-56">
          <Search className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-500" aria-hidden />
          <Input
            id="history-q"
            className="pl-9 font-mono"
            placeholder={t("searchPlaceholder")}
            data-shortcut-search
            aria-keyshortcuts="/"
            autoComplete="off"
            spellCheck={false}
            value={draft.q ?? ""}
            onChange={set("q")}
          />
        </div>
        <Button type="submit">{t("search")}</Button>
        {active ? (
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setDraft({ code: "", fromLocal: "", toLocal: "" });
              onApply({});
            }}
          >
            <X className="size-4" aria-hidden /> {t("clear")}
          </Button>
        ) : null}
      </div>
      <div className="grid gap-3 text-sm sm:grid-cols-3 lg:grid-cols-7">
        <label className="space-y-1">
          <span className="text-xs text-slate-700">{t("outcome")}</span>
          <Select value={draft.outcome ?? ""} onChange={set("outcome")}>
            <option value="">{t("any")}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {tOutcome(o)}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="text-xs text-slate-700">ErrorCode</span>
          <Input inputMode="numeric" value={draft.code} onChange={set("code")} placeholder={t("codePlaceholder", { code: "70107" })} />
        </label>
        <label className="space-y-1">
          <span className="text-xs text-slate-700">{t("command")}</span>
          <Select value={draft.command ?? ""} onChange={set("command")}>
            <option value="">{t("any")}</option>
            {options.commands.map((c) => (
              <option key={c} value={c}>
                {commandLabel(c)}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="text-xs text-slate-700">{t("profile")}</span>
          <Select value={draft.profile ?? ""} onChange={set("profile")}>
            <option value="">{t("any")}</option>
            {options.profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="text-xs text-slate-700">{t("operator")}</span>
          <Select value={draft.operator ?? ""} onChange={set("operator")}>
            <option value="">{t("anyone")}</option>
            {options.operators.map((o) => (
              <option key={o.id} value={o.id}>
                {o.email}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="text-xs text-slate-700">{t("from")}</span>
          <Input type="datetime-local" value={draft.fromLocal} onChange={set("fromLocal")} />
        </label>
        <label className="space-y-1">
          <span className="text-xs text-slate-700">{t("to")}</span>
          <Input type="datetime-local" value={draft.toLocal} onChange={set("toLocal")} />
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label={t("presets")}>
        <span className="text-slate-600">{t("time")}</span>
        {DATE_PRESETS.map((p) => (
          <Button key={p.label} type="button" variant="secondary" className="px-2.5 py-1" onClick={() => preset(p.ms)}>
            {t(p.label)}
          </Button>
        ))}
        {draft.fromLocal || draft.toLocal ? (
          <Button
            type="button"
            variant="ghost"
            className="px-2.5 py-1"
            onClick={() => setDraft((d) => ({ ...d, fromLocal: "", toLocal: "" }))}
          >
            {t("anyTime")}
          </Button>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-3 text-sm">
        <label className="mr-4 inline-flex items-center gap-2 text-slate-700">
          <input
            type="checkbox"
            checked={filters.background === "1"}
            onChange={(event) => onApply({ ...filters, background: event.target.checked ? "1" : undefined })}
          />
          {t("background")}
        </label>
        <span className="text-slate-600">{t("export")}</span>
        <a className="inline-flex items-center gap-1 text-brand-600 hover:underline" href={exportHref("csv")} download>
          <Download className="size-4" aria-hidden /> CSV
        </a>
        <a className="inline-flex items-center gap-1 text-brand-600 hover:underline" href={exportHref("json")} download>
          <Download className="size-4" aria-hidden /> JSON
        </a>
      </div>
    </form>
  );
}
