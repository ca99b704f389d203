"use client";

import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useLocalize } from "@/components/i18n/localize";
import { cn } from "@/components/ui/cn";
import type { AttemptView } from "@/lib/forms/attempt-view";
import { useExplanation } from "./catalog";

/**
 * The catalog's explanation of an attempt's outcome: cause, what to do, and
 * whether sending again is safe, in the user's language. A client component:
 * the transport detail lib wrote in English goes through the phrasebook.
 */
export function Explanation({ attempt }: { attempt: Pick<AttemptView, "outcome" | "errorCode" | "errorInfo" | "command" | "detail"> }) {
  const t = useTranslations("outcome");
  const localize = useLocalize();
  const { texts } = useExplanation(attempt);
  const ok = attempt.outcome === "ok";
  const Icon = ok ? CheckCircle2 : attempt.outcome === "in-flight" ? Info : attempt.outcome === "api-error" ? XCircle : AlertTriangle;
  return (
    <div
      data-testid="explanation"
      className={cn("rounded-md border p-4 text-sm", ok ? "border-emerald-200 bg-emerald-50" : "border-red-200 bg-red-50/60")}
    >
      <div className="flex items-start gap-3">
        <Icon className={cn("mt-0.5 size-5 shrink-0", ok ? "text-emerald-600" : "text-red-600")} aria-hidden />
        <div className="space-y-1.5">
          <p className="font-semibold text-slate-900">
            {texts.title}
            {attempt.outcome === "api-error" ? <span className="ml-2 font-mono text-slate-600">ErrorCode {attempt.errorCode}</span> : null}
          </p>
          {attempt.errorInfo ? (
            <p className="font-mono text-xs text-slate-700">
              ErrorInfo: <span>{attempt.errorInfo}</span>
            </p>
          ) : null}
          {attempt.detail ? <p className="font-mono text-xs text-slate-700">{localize(attempt.detail)}</p> : null}
          {!ok ? (
            <>
              <p className="text-slate-700">
                <span className="font-medium">{t("cause")}</span>
                {texts.cause}
              </p>
              <p className="text-slate-700">
                <span className="font-medium">{t("whatToDo")}</span>
                {texts.action}
              </p>
              <p className="text-slate-600">{texts.retryAdvice}</p>
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
