import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { AttemptView } from "@/lib/forms/attempt-view";

/** An attempt's outcome, or "pending" where rows are counted as stored (the overview). */
type BadgeOutcome = AttemptView["outcome"] | "pending";

const STYLES: Record<BadgeOutcome, string> = {
  ok: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  "api-error": "bg-red-50 text-red-800 ring-red-600/20",
  "http-error": "bg-orange-50 text-orange-800 ring-orange-600/20",
  "bad-response": "bg-orange-50 text-orange-800 ring-orange-600/20",
  timeout: "bg-amber-50 text-amber-800 ring-amber-600/20",
  "network-error": "bg-amber-50 text-amber-800 ring-amber-600/20",
  "in-flight": "bg-slate-100 text-slate-700 ring-slate-500/20",
  unknown: "bg-amber-50 text-amber-800 ring-amber-600/20",
  pending: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

export function OutcomeBadge({ outcome, errorCode }: { outcome: BadgeOutcome; errorCode?: number | null }) {
  const t = useTranslations("outcome.badge");
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap",
        STYLES[outcome],
      )}
    >
      {t(outcome)}
      {outcome === "api-error" && errorCode ? <span className="font-mono">{errorCode}</span> : null}
    </span>
  );
}
