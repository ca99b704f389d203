import { RotateCcw } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

/** Copy for support, copy as cURL, and replay (which only fills the form). */
export function EntryTools({ support, curl, replayHref }: { support: string; curl: string; replayHref: string | null }) {
  const t = useTranslations("history.entry");
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="entry-tools">
      <CopyButton text={support} label={t("copySupport")} tone="outline" />
      <CopyButton text={curl} label={t("copyCurl")} tone="outline" />
      {replayHref ? (
        <Link
          href={replayHref}
          className="inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
        >
          <RotateCcw className="size-3.5" aria-hidden /> {t("replay")}
        </Link>
      ) : null}
    </div>
  );
}
