"use client";

import { Command } from "cmdk";
import { ArrowRight, Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { normalizeSearch, type SearchKind } from "@/lib/forms/search-text";
import { Dialog } from "./dialog";
import type { NavItem } from "./site-header";

/** The message key naming each kind of pasted id. */
const KIND_KEY = {
  "request-id": "kinds.request-id",
  "call-id": "kinds.call-id",
  "entry-id": "kinds.entry-id",
  "partial-request-id": "kinds.partial-request-id",
  text: "kinds.text",
} as const satisfies Record<SearchKind, string>;

/** The address that finds a pasted id: the history search, opening the entry when it names exactly one. */
export function findHref(text: string): string | null {
  const { q } = normalizeSearch(text);
  return q ? `/history?${new URLSearchParams({ q, open: "1" }).toString()}` : null;
}

const item =
  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-800 data-[selected=true]:bg-slate-100 data-[selected=true]:text-slate-900";

/** Ctrl/Cmd+K: any page the user may open, or the history search for what was pasted. */
export function CommandPalette({ pages, onClose }: { pages: NavItem[]; onClose: () => void }) {
  const t = useTranslations("palette");
  const router = useRouter();
  const [text, setText] = useState("");
  const search = text.trim() ? normalizeSearch(text) : null;
  const go = (href: string) => {
    onClose();
    router.push(href);
  };
  return (
    <Dialog open onClose={onClose} title={t("title")} className="w-[min(36rem,calc(100vw-2rem))]">
      <Command label={t("label")} className="space-y-2">
        <div className="flex items-center gap-2 rounded-md border border-slate-300 px-3 focus-within:outline-2 focus-within:outline-offset-1 focus-within:outline-brand-600">
          <Search className="size-4 text-slate-600" aria-hidden />
          <Command.Input
            data-autofocus
            value={text}
            onValueChange={setText}
            placeholder={t("placeholder")}
            className="w-full bg-transparent py-2 text-sm text-slate-900 outline-none placeholder:text-slate-500"
          />
        </div>
        <Command.List className="max-h-80 overflow-y-auto">
          <Command.Empty className="px-3 py-2 text-sm text-slate-600">{t("empty")}</Command.Empty>
          <Command.Group heading={t("pages")} className="text-xs text-slate-600">
            {pages.map((page) => (
              <Command.Item key={page.href} value={page.label} keywords={[page.href]} className={item} onSelect={() => go(page.href)}>
                <ArrowRight className="size-4" aria-hidden /> {page.label}
              </Command.Item>
            ))}
          </Command.Group>
          {search?.q ? (
            <Command.Group forceMount heading={t("find")} className="text-xs text-slate-600">
              <Command.Item forceMount value="find-in-history" className={item} onSelect={() => go(findHref(text) ?? "/history")}>
                <Search className="size-4" aria-hidden /> {t("findKind", { kind: t(KIND_KEY[search.kind]) })}{" "}
                <span className="font-mono break-all">{search.q}</span>
              </Command.Item>
            </Command.Group>
          ) : null}
        </Command.List>
      </Command>
    </Dialog>
  );
}
