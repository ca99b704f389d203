import { useLocale } from "next-intl";
import { formatDuration, formatMs } from "@/lib/forms/format";

/** A duration as people read it ("1.2 s", "1.2 秒"), the exact grouped milliseconds ("10,003 ms") on hover, in the page's language. */
export function Duration({ ms }: { ms: number | null | undefined }) {
  const locale = useLocale();
  if (ms === null || ms === undefined) return <>—</>;
  return (
    <span title={formatMs(ms, locale)} data-ms={ms}>
      {formatDuration(ms, locale)}
    </span>
  );
}
