"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDescribeCallResult } from "@/components/outcome/catalog";
import { Explanation } from "@/components/outcome/explanation";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { DataTable } from "@/components/ui/table";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";
import type { RecordsPageView } from "@/lib/forms/call-record-view";
import { RECORD_CALL_RESULTS } from "@/lib/tencent/schemas/record-filter";

type Page = RecordsPageView;
type CallResultFilter = (typeof RECORD_CALL_RESULTS)[number];
type CallTypeFilter = "SingleCall" | "MultiCall";
interface Query {
  profileId: string;
  callResult?: CallResultFilter;
  callType?: CallTypeFilter;
  startTime?: number;
  endTime?: number;
}

const time = (unix: number) => (unix > 0 ? <LocalTime iso={new Date(unix * 1000).toISOString()} /> : "—");

export function RecordsBrowser({
  profiles,
  action,
}: {
  profiles: { id: string; name: string }[];
  action: Action<Query & { page: number }, Page>;
}) {
  const t = useTranslations("records");
  const describeCallResult = useDescribeCallResult();
  const [profileId, setProfileId] = useState(profiles[0]?.id ?? "");
  const [callResult, setCallResult] = useState<CallResultFilter | "">("");
  const [callType, setCallType] = useState<CallTypeFilter | "">("");
  const [pages, setPages] = useState<Page[]>([]);
  const [query, setQuery] = useState<Query | null>(null);
  const browse = useAction(action, {
    failure: t("readFailed"),
    onSuccess: (data, input) => {
      if (input.page === 1) setQuery({ ...input, ...data.window });
      setPages((previous) => (input.page === 1 ? [data] : [...previous, data]));
    },
  });
  const { pending, error } = browse;
  // Page 1 takes the form's filters and fixes the window; later pages repeat that query exactly.
  const load = (page: number) =>
    browse.run({
      ...(page === 1 || !query ? { profileId, callResult: callResult || undefined, callType: callType || undefined } : query),
      page,
    });
  const last = pages[pages.length - 1];
  const records = pages.flatMap((p) => p.records);

  return (
    <div className="space-y-4">
      <form
        aria-label={t("form")}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          load(1);
        }}
      >
        <label className="space-y-1">
          <span className="text-xs text-slate-600">{t("profile")}</span>
          <Select value={profileId} onChange={(e) => setProfileId(e.target.value)}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="text-xs text-slate-600">CallResult</span>
          <Select value={callResult} onChange={(e) => setCallResult(e.target.value as CallResultFilter | "")}>
            <option value="">{t("any")}</option>
            {RECORD_CALL_RESULTS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1">
          <span className="text-xs text-slate-600">CallType</span>
          <Select value={callType} onChange={(e) => setCallType(e.target.value as CallTypeFilter | "")}>
            <option value="">{t("any")}</option>
            <option value="SingleCall">SingleCall</option>
            <option value="MultiCall">MultiCall</option>
          </Select>
        </label>
        <Button type="submit" disabled={pending || !profileId}>
          {pending ? t("asking") : t("find")}
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {last && last.attempt.outcome !== "ok" ? <Explanation attempt={last.attempt} /> : null}
      {last && last.attempt.outcome === "ok" ? (
        <>
          <p className="text-sm text-slate-600" data-testid="records-total">
            {t("total", { total: last.total, shown: records.length })}
          </p>
          <DataTable
            columns={[
              { label: "CallId", mono: true },
              { label: "Caller_Account", mono: true },
              { label: "CalleeList_Account", mono: true },
              { label: t("type") },
              { label: t("started") },
              { label: t("answered") },
              { label: t("ended") },
              { label: "CallResult", mono: true },
            ]}
          >
            {records.map((r, i) => (
              <tr key={`${i}-${r.CallId}`} className="border-t border-slate-100 align-top" data-testid="record-row">
                <td className="px-3 py-2 font-mono text-xs">{r.CallId}</td>
                <td className="px-3 py-2 font-mono text-xs">{r.Caller_Account}</td>
                <td className="px-3 py-2 font-mono text-xs">{r.CalleeList_Account.join(", ")}</td>
                <td className="px-3 py-2 text-xs">
                  {r.CallType}, {r.MediaType}
                </td>
                <td className="px-3 py-2 text-xs whitespace-nowrap">{time(r.StartTime)}</td>
                <td className="px-3 py-2 text-xs whitespace-nowrap">{time(r.AcceptTime)}</td>
                <td className="px-3 py-2 text-xs whitespace-nowrap">{time(r.EndTime)}</td>
                <td className="px-3 py-2 text-xs" title={describeCallResult(r.CallResult)}>
                  <span className="font-mono">{r.CallResult}</span>
                  <span className="block text-slate-500">{describeCallResult(r.CallResult)}</span>
                </td>
              </tr>
            ))}
          </DataTable>
          {last.nextPage > 0 ? (
            <Button type="button" variant="secondary" disabled={pending} onClick={() => load(last.nextPage)}>
              {pending ? t("loading") : t("nextPage")}
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
