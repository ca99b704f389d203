"use client";

import { formatRelative, formatUtc } from "@/lib/forms/format";
import { useNow, useTimeChoice } from "./preferences";

function inZone(iso: string, utc: boolean, withSeconds: boolean): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString("en-US", {
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
 * ago"), and the exact UTC time on hover. The server renders the UTC time.
 */
export function LocalTime({ iso, withSeconds = true, relative = true }: { iso: string; withSeconds?: boolean; relative?: boolean }) {
  const choice = useTimeChoice();
  const now = useNow();
  const exact = formatUtc(iso, { millis: true });
  const shown = now === null ? formatUtc(iso) : inZone(iso, choice === "utc", withSeconds);
  const ago = relative && now !== null ? formatRelative(iso, now) : null;
  return (
    <time dateTime={iso} title={exact} data-utc={exact}>
      {shown}
      {ago ? <span className="text-slate-600"> · {ago}</span> : null}
    </time>
  );
}
