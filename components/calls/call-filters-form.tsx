"use client";

import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { CALL_RESULTS, type CallFilters } from "@/lib/forms/call-filters";

function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

export function CallFiltersForm({
  filters,
  profiles,
  onApply,
}: {
  filters: CallFilters;
  profiles: { id: string; name: string }[];
  onApply: (filters: CallFilters) => void;
}) {
  const t = useTranslations("calls.filters");
  const [draft, setDraft] = useState({ ...filters, fromLocal: toLocalInput(filters.from), toLocal: toLocalInput(filters.to) });
  const set = (key: string) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: event.target.value }));
  const active = Object.values(filters).some((v) => v !== undefined && v !== "");
  return (
    <form
      role="search"
      aria-label={t("find")}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({
          profile: draft.profile || undefined,
          robot: draft.robot?.trim() || undefined,
          callee: draft.callee?.trim() || undefined,
          result: draft.result || undefined,
          from: fromLocalInput(draft.fromLocal),
          to: fromLocalInput(draft.toLocal),
        });
      }}
    >
      <label className="space-y-1 text-xs text-slate-600">
        {t("profile")}
        <Select value={draft.profile ?? ""} onChange={set("profile")}>
          <option value="">{t("any")}</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="space-y-1 font-mono text-xs text-slate-600">
        Robot_Account
        <Input value={draft.robot ?? ""} onChange={set("robot")} spellCheck={false} />
      </label>
      <label className="space-y-1 text-xs text-slate-600">
        {t("callee")}
        <Input value={draft.callee ?? ""} onChange={set("callee")} spellCheck={false} />
      </label>
      <label className="space-y-1 text-xs text-slate-600">
        {t("result")}
        <Select value={draft.result ?? ""} onChange={set("result")}>
          <option value="">{t("any")}</option>
          {CALL_RESULTS.map((r) => (
            <option key={r} value={r}>
              {t(`results.${r}`)}
            </option>
          ))}
        </Select>
      </label>
      <label className="space-y-1 text-xs text-slate-600">
        {t("from")}
        <Input type="datetime-local" value={draft.fromLocal} onChange={set("fromLocal")} />
      </label>
      <label className="space-y-1 text-xs text-slate-600">
        {t("to")}
        <Input type="datetime-local" value={draft.toLocal} onChange={set("toLocal")} />
      </label>
      <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
        <Button type="submit">
          <Search className="size-4" aria-hidden /> {t("find")}
        </Button>
        {active ? (
          <Button type="button" variant="secondary" onClick={() => onApply({})}>
            <X className="size-4" aria-hidden /> {t("clear")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
