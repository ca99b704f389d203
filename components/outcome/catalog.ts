/**
 * The error catalog in the user's language. lib/tencent decides what explains
 * an outcome (explainOutcome: the subject, the retry class, whether a start
 * may ring twice); the words come from the messages' `errorCatalog` under the
 * explanation's subject. Works in server and client components alike.
 */
import { useMessages, useTranslations } from "next-intl";
import type { CatalogMessages } from "@/lib/i18n/catalog-messages";
import { RING_TWICE, explainOutcome, type Explanation } from "@/lib/tencent/error-catalog";
import type { AttemptView } from "@/lib/forms/attempt-view";

export interface CatalogTexts {
  title: string;
  cause: string;
  action: string;
  retryAdvice: string;
}

/** Two sentences as one text: a space after Latin punctuation, none after full-width (。！？). */
const joinSentences = (first: string, second: string) => (/[。！？]$/.test(first) ? `${first}${second}` : `${first} ${second}`);

/** An explanation in the language of `catalog`; a code the catalog does not list reads as "undocumented". */
export function localizeExplanation(explanation: Explanation, catalog: CatalogMessages): CatalogTexts {
  const texts = Object.hasOwn(catalog.subjects, explanation.subject) ? catalog.subjects[explanation.subject] : undefined;
  const { title, cause, action } = texts ?? catalog.undocumented;
  const base = catalog.retry[explanation.retry];
  // lib said whether sending this again could ring the callees twice; the same sentence in this language.
  const retryAdvice = explanation.retryAdvice.endsWith(RING_TWICE) ? joinSentences(base, catalog.retry.ringTwice) : base;
  return { title, cause, action, retryAdvice };
}

/** A CallResult's meaning in the language of `catalog`, or null when the documentation does not list it. */
export function callResultMeaning(result: string, catalog: CatalogMessages): string | null {
  return Object.hasOwn(catalog.callResults, result) ? (catalog.callResults[result] ?? null) : null;
}

/** The error catalog of the page's language. */
export function useCatalog(): CatalogMessages {
  return useMessages().errorCatalog;
}

/** An attempt's explanation (lib's, with retry class and subject) and its words in the page's language. */
export function useExplanation(attempt: Pick<AttemptView, "outcome" | "errorCode" | "command">): {
  explanation: Explanation;
  texts: CatalogTexts;
} {
  const catalog = useCatalog();
  const explanation = explainOutcome({ kind: attempt.outcome, errorCode: attempt.errorCode }, attempt.command);
  return { explanation, texts: localizeExplanation(explanation, catalog) };
}

/** describeCallResult in the page's language: "NormalEnd" → what it means; an undocumented one says so. */
export function useDescribeCallResult(): (result: string) => string {
  const catalog = useCatalog();
  const t = useTranslations("outcome");
  return (result) => callResultMeaning(result, catalog) ?? t("undocumentedCallResult", { result });
}

/** describeCalleeResult in the page's language: ResultCode 0 is "invited"; others are undocumented. */
export function useDescribeCalleeResult(): (resultCode: number) => string {
  const t = useTranslations("outcome");
  return (resultCode) => (resultCode === 0 ? t("calleeInvited") : t("calleeUndocumented", { code: String(resultCode) }));
}
