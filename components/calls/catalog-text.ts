import { explainOutcome } from "@/lib/tencent/error-catalog";
import type { Outcome } from "@/lib/tencent/outcomes";
import { localizeExplanation, useCatalog as useCatalogMessages, useDescribeCallResult } from "@/components/outcome/catalog";

export interface CatalogText {
  title: string;
  cause: string;
  action: string;
}

/**
 * The error catalog in the page's language for the calls and overview pages:
 * an ErrorCode's or an outcome's title, cause and what to do, and what a
 * CallResult means (the words from components/outcome/catalog.ts).
 */
export function useCatalog() {
  const catalog = useCatalogMessages();
  const callResult = useDescribeCallResult();
  const words = (outcome: { kind: Outcome | "in-flight" | "unknown"; errorCode: number | null }, command: string): CatalogText => {
    const { title, cause, action } = localizeExplanation(explainOutcome(outcome, command), catalog);
    return { title, cause, action };
  };
  return {
    /** An ErrorCode (0 is success). */
    code: (code: number) => words({ kind: code === 0 ? "ok" : "api-error", errorCode: code }, ""),
    /** Any attempt's outcome, as the explanation of the result panel reads it. */
    outcome: words,
    /** CallRecord.CallResult (and Offline); an undocumented one says so. */
    callResult,
  };
}
