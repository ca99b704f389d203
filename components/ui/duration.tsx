import { formatDuration, formatMs } from "@/lib/forms/format";

/** A duration as people read it ("1.2 s"), the exact grouped milliseconds ("10,003 ms") on hover. */
export function Duration({ ms }: { ms: number | null | undefined }) {
  if (ms === null || ms === undefined) return <>—</>;
  return (
    <span title={formatMs(ms)} data-ms={ms}>
      {formatDuration(ms)}
    </span>
  );
}
