"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** A time in the browser's zone, with the UTC time on hover. The server renders UTC. */
export function LocalTime({ iso, withSeconds = true }: { iso: string; withSeconds?: boolean }) {
  const local = useSyncExternalStore(
    subscribe,
    () =>
      new Date(iso).toLocaleString(undefined, {
        year: "numeric",
        month: "short",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        ...(withSeconds ? { second: "2-digit" } : {}),
      }),
    () => `${iso.replace("T", " ").slice(0, withSeconds ? 19 : 16)} UTC`,
  );
  return (
    <time dateTime={iso} title={`${iso.replace("T", " ").replace("Z", "")} UTC`}>
      {local}
    </time>
  );
}
