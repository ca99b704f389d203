"use client";

import { Menu, X } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { cn } from "./cn";
import { DisplayPreferences } from "./display-preferences";

export interface NavItem {
  href: string;
  label: string;
}

/** True when the path is the item's page or one below it ("/" only for itself). */
export const isCurrent = (pathname: string, href: string) =>
  href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);

/**
 * The header: the console's name, the pages the user may open (with
 * aria-current), display preferences and the account. Below the lg
 * breakpoint the nav, preferences and account fold into a disclosure.
 */
export function SiteHeader({ nav, account, language }: { nav: NavItem[]; account?: ReactNode; language?: ReactNode }) {
  const t = useTranslations("header");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // The most specific item wins ("/calls/records" over "/calls").
  const current = nav.filter((item) => isCurrent(pathname, item.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-sm font-semibold tracking-tight text-slate-900">
          {t("home")}
        </Link>
        <button
          type="button"
          className="ml-auto inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm text-slate-800 lg:hidden"
          aria-expanded={open}
          aria-controls="site-menu"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? <X className="size-4" aria-hidden /> : <Menu className="size-4" aria-hidden />} {t("menu")}
        </button>
        <div
          id="site-menu"
          className={cn("w-full flex-col gap-3 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:items-center", open ? "flex" : "hidden")}
          onClick={(event) => {
            // Following a link closes the menu on a phone.
            if ((event.target as HTMLElement).closest("a")) setOpen(false);
          }}
        >
          {nav.length > 0 ? (
            <nav aria-label={t("mainNav")} className="flex flex-col gap-1 text-sm lg:flex-row">
              {nav.map((item) => (
                <Link
                  key={item.href}
                  href={item.href}
                  aria-current={item.href === current ? "page" : undefined}
                  className={cn(
                    "rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100",
                    item.href === current && "bg-slate-100 font-medium text-slate-900",
                  )}
                >
                  {item.label}
                </Link>
              ))}
            </nav>
          ) : null}
          <div className="flex flex-wrap items-center gap-3 text-sm lg:ml-auto">
            {language}
            <DisplayPreferences />
            {account}
          </div>
        </div>
      </div>
    </header>
  );
}
