"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Loader2, Search, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { OutcomeBadge } from "@/components/outcome/outcome-badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { DataTable } from "@/components/ui/table";
import { commandLabel } from "@/lib/tencent/commands";
import { historyListOptions } from "./history-query";

export function HistoryList() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const q = searchParams.get("q") ?? "";
  const [draft, setDraft] = useState(q);
  const query = useInfiniteQuery(historyListOptions(q));
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];

  const search = (text: string) => {
    const params = new URLSearchParams(searchParams.toString());
    if (text.trim()) params.set("q", text.trim());
    else params.delete("q");
    router.replace(params.size > 0 ? `${pathname}?${params.toString()}` : pathname);
  };

  return (
    <div className="space-y-4">
      <form
        role="search"
        className="flex gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          search(draft);
        }}
      >
        <label htmlFor="history-q" className="sr-only">
          Search history
        </label>
        <div className="relative flex-1">
          <Search className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" aria-hidden />
          <Input
            id="history-q"
            className="pl-9 font-mono"
            placeholder="RequestId, CallId or UserID"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        </div>
        <Button type="submit">Search</Button>
        {q ? (
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setDraft("");
              search("");
            }}
          >
            <X className="size-4" aria-hidden /> Clear
          </Button>
        ) : null}
      </form>

      {query.isError ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {query.error.message}.{" "}
          <button className="underline" onClick={() => query.refetch()}>
            Try again
          </button>
        </p>
      ) : null}

      <DataTable
        columns={[
          { label: "Time" },
          { label: "Profile" },
          { label: "Command" },
          { label: "Robot_Account", mono: true },
          { label: "CalleeList_Account", mono: true },
          { label: "Outcome" },
          { label: "RequestId", mono: true },
        ]}
        footer={
          <>
            {query.isPending ? (
              <p className="flex items-center gap-2 p-4 text-sm text-slate-600">
                <Loader2 className="size-4 animate-spin" aria-hidden /> Loading…
              </p>
            ) : entries.length === 0 ? (
              <p className="p-4 text-sm text-slate-600">
                {q ? `Nothing matches “${q}”.` : "No requests yet: start a call to see it here."}
              </p>
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
            <td className="px-3 py-2 font-mono text-xs">{commandLabel(entry.command)}</td>
            <td className="px-3 py-2 font-mono text-xs">{entry.robotAccount ?? "—"}</td>
            <td className="max-w-56 truncate px-3 py-2 font-mono text-xs" title={entry.callees.join(", ")}>
              {entry.callees.join(", ") || "—"}
            </td>
            <td className="px-3 py-2">
              <OutcomeBadge outcome={entry.outcome} errorCode={entry.errorCode} />
            </td>
            <td className="px-3 py-2 font-mono text-xs">
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
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      ) : null}
    </div>
  );
}
