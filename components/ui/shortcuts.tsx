"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useState } from "react";
import { Dialog } from "./dialog";
import type { NavItem } from "./site-header";

// The palette (and cmdk) loads on first use, not with every page.
const CommandPalette = lazy(() => import("./command-palette").then((m) => ({ default: m.CommandPalette })));

/** Each shortcut's keys, and the message (namespace "shortcuts") saying what it does. */
export const SHORTCUTS = [
  { keys: ["Ctrl", "K"], does: "palette" },
  { keys: ["/"], does: "search" },
  { keys: ["Ctrl", "Enter"], does: "submit" },
  { keys: ["?"], does: "help" },
  { keys: ["Esc"], does: "close" },
] as const;

/** Typing in a field: single-key shortcuts stay out of the way. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The console's keyboard shortcuts, in one listener: Ctrl/Cmd+K (the palette,
 * anywhere), Ctrl/Cmd+Enter (submits the form the focus is in when that form
 * opts in with data-submit-shortcut), and, outside fields, "/" and "?".
 */
export function Shortcuts({ pages }: { pages: NavItem[] }) {
  const t = useTranslations("shortcuts");
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setPalette((open) => !open);
        return;
      }
      if (mod && event.key === "Enter") {
        const form = event.target instanceof HTMLElement ? event.target.closest<HTMLFormElement>("form[data-submit-shortcut]") : null;
        if (form) {
          event.preventDefault();
          form.requestSubmit();
        }
        return;
      }
      if (mod || event.altKey || isTyping(event.target) || document.querySelector("dialog[open], [role=dialog]")) return;
      if (event.key === "/") {
        const search = document.querySelector<HTMLElement>("[data-shortcut-search]");
        if (search) {
          event.preventDefault();
          search.focus();
        }
      } else if (event.key === "?") {
        event.preventDefault();
        setHelp(true);
      }
    };
    window.addEventListener("keydown", onKey);
    // Marks the page as listening, so a test (or a script) knows a key pressed now is heard.
    document.documentElement.dataset.shortcuts = "ready";
    return () => {
      window.removeEventListener("keydown", onKey);
      delete document.documentElement.dataset.shortcuts;
    };
  }, []);

  return (
    <>
      {palette ? (
        <Suspense fallback={null}>
          <CommandPalette pages={pages} onClose={() => setPalette(false)} />
        </Suspense>
      ) : null}
      <Dialog open={help} onClose={() => setHelp(false)} title={t("title")}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map((s) => (
            <div key={s.does} className="contents">
              <dt className="whitespace-nowrap">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? " + " : null}
                    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800">{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd className="text-slate-700">{t(s.does)}</dd>
            </div>
          ))}
        </dl>
      </Dialog>
    </>
  );
}
