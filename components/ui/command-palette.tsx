"use client";

import { Command } from "cmdk";
import { ArrowRight, Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { normalizeSearch, type SearchKind } from "@/lib/forms/search-text";
import { Dialog } from "./dialog";
import type { NavItem } from "./site-header";

const KIND_LABEL: Record<SearchKind, string> = {
  "request-id": "RequestId",
  "call-id": "CallId",
  "entry-id": "history entry",
  "partial-request-id": "part of a RequestId",
  text: "UserID",
};

/** The address that finds a pasted id: the history search, opening the entry when it names exactly one. */
export function findHref(text: string): string | null {
  const { q } = normalizeSearch(text);
  return q ? `/history?${new URLSearchParams({ q, open: "1" }).toString()}` : null;
}

const item =
  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-800 data-[selected=true]:bg-slate-100 data-[selected=true]:text-slate-900";

/** Ctrl/Cmd+K: any page the user may open, or the history search for what was pasted. */
export function CommandPalette({ pages, onClose }: { pages: NavItem[]; onClose: () => void }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const search = text.trim() ? normalizeSearch(text) : null;
  const go = (href: string) => {
    onClose();
    router.push(href);
  };
  return (
    <Dialog open onClose={onClose} title="Go to a page or find an id" className="w-[min(36rem,calc(100vw-2rem))]">
      <Command label="Command palette" className="space-y-2">
        <div className="flex items-center gap-2 rounded-md border border-slate-300 px-3 focus-within:outline-2 focus-within:outline-offset-1 focus-within:outline-brand-600">
          <Search className="size-4 text-slate-600" aria-hidden />
          <Command.Input
            data-autofocus
            value={text}
            onValueChange={setText}
            placeholder="Page name, RequestId, CallId or UserID"
            className="w-full bg-transparent py-2 text-sm text-slate-900 outline-none placeholder:text-slate-500"
          />
        </div>
        <Command.List className="max-h-80 overflow-y-auto">
          <Command.Empty className="px-3 py-2 text-sm text-slate-600">No page by that name.</Command.Empty>
          <Command.Group heading="Pages" className="text-xs text-slate-600">
            {pages.map((page) => (
              <Command.Item key={page.href} value={page.label} keywords={[page.href]} className={item} onSelect={() => go(page.href)}>
                <ArrowRight className="size-4" aria-hidden /> {page.label}
              </Command.Item>
            ))}
          </Command.Group>
          {search?.q ? (
            <Command.Group forceMount heading="Find" className="text-xs text-slate-600">
              <Command.Item forceMount value="find-in-history" className={item} onSelect={() => go(findHref(text) ?? "/history")}>
                <Search className="size-4" aria-hidden /> Find {KIND_LABEL[search.kind]}{" "}
                <span className="font-mono break-all">{search.q}</span>
              </Command.Item>
            </Command.Group>
          ) : null}
        </Command.List>
      </Command>
    </Dialog>
  );
}
