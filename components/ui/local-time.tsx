"use client";

import { useLocale } from "next-intl";
import { formatRelative, formatUtc } from "@/lib/forms/format";
import { useNow, useTimeChoice } from "./preferences";

function inZone(iso: string, utc: boolean, withSeconds: boolean, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === "en" ? "en-US" : locale, {
    year: "numeric",
    month: "short",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    ...(withSeconds ? { second: "2-digit" } : {}),
    timeZone: utc ? "UTC" : undefined,
    timeZoneName: "short",
  });
}

/**
 * The one way a time is shown: in the browser's zone or in UTC (the user's
 * choice, in the header), always with its zone, with a relative time ("2 min
 * ago"), and the exact UTC time on hover, written in the page's language
 * ("2026年11月26日 GMT+8 14:33:46 · 2 分钟前"). The server renders the UTC time.
 */
export function LocalTime({ iso, withSeconds = true, relative = true }: { iso: string; withSeconds?: boolean; relative?: boolean }) {
  const choice = useTimeChoice();
  const now = useNow();
  const locale = useLocale();
  const exact = formatUtc(iso, { millis: true });
  const shown = now === null ? formatUtc(iso) : inZone(iso, choice === "utc", withSeconds, locale);
  const ago = relative && now !== null ? formatRelative(iso, now, locale) : null;
  return (
    <time dateTime={iso} title={exact} data-utc={exact}>
      {shown}
      {ago ? <span className="text-slate-600"> · {ago}</span> : null}
    </time>
  );
}
