import { RotateCcw } from "lucide-react";
import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";

/** Copy for support, copy as cURL, and replay (which only fills the form). */
export function EntryTools({ support, curl, replayHref }: { support: string; curl: string; replayHref: string | null }) {
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="entry-tools">
      <CopyButton text={support} label="Copy for support" tone="outline" />
      <CopyButton text={curl} label="Copy as cURL" tone="outline" />
      {replayHref ? (
        <Link
          href={replayHref}
          className="inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
        >
          <RotateCcw className="size-3.5" aria-hidden /> Replay
        </Link>
      ) : null}
    </div>
  );
}
