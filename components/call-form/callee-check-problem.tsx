"use client";

import { useTranslations } from "next-intl";
import { localizeExplanation, useCatalog } from "@/components/outcome/catalog";
import type { CalleeCheckProblem } from "@/lib/forms/callee-check-view";
import { explainOutcome } from "@/lib/tencent/error-catalog";

/**
 * Why a callee check could not tell some states, in the page's language: the
 * request that failed, its outcome and code, and the error catalog's title and
 * advice. Loaded only when a check fails (the catalog is not part of the form's first load).
 */
export default function CalleeCheckProblemText({ problem }: { problem: CalleeCheckProblem }) {
  const t = useTranslations("callForm.calleeCheck");
  const catalog = useCatalog();
  const { title, action } = localizeExplanation(
    explainOutcome({ kind: problem.outcome, errorCode: problem.errorCode }, problem.command),
    catalog,
  );
  const code = problem.errorCode !== null && problem.errorCode !== 0 ? ` ${problem.errorCode}` : "";
  const command = problem.command.split("/").pop() ?? problem.command;
  return <>{t("incomplete", { problem: t("requestFailed", { command, outcome: problem.outcome, code, title, action }) })}</>;
}
