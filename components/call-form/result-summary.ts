import type { useTranslations } from "next-intl";
import type { StartCallResult } from "@/lib/forms/attempt-view";

// Apart from result-panel.tsx, which the form loads only once a start is sent.
/** One sentence for screen readers, announced by the form's live region when a result arrives. */
export function resultSummary(
  result: Extract<StartCallResult, { status: "sent" }>,
  t: ReturnType<typeof useTranslations<"callForm">>,
): string {
  const { attempt } = result;
  const what =
    attempt.outcome === "ok"
      ? t("result.started")
      : attempt.outcome === "in-flight" || attempt.outcome === "unknown"
        ? t("result.noAnswer")
        : t("result.failedWith", { outcome: t(`outcomes.${attempt.outcome}`) });
  return attempt.errorCode ? t("result.summaryCode", { what, code: String(attempt.errorCode) }) : t("result.summary", { what });
}
