import { useMessages, useTranslations } from "next-intl";
import { englishCatalogMessages, type CatalogMessages } from "@/lib/i18n/catalog-messages";
import { explainOutcome } from "@/lib/tencent/error-catalog";
import type { Outcome } from "@/lib/tencent/outcomes";

export interface CatalogText {
  title: string;
  cause: string;
  action: string;
}

let english: CatalogMessages | null = null;

/**
 * The error catalog in the page's language (the `errorCatalog` messages, read
 * as plain text): an ErrorCode's or an outcome's title, cause and what to do,
 * and what a CallResult means. Works in server and client components. A
 * language whose messages lack the catalog reads the English one.
 */
export function useCatalog() {
  const t = useTranslations("calls");
  const messages: { errorCatalog?: CatalogMessages } = useMessages();
  const catalog = messages.errorCatalog ?? (english ??= englishCatalogMessages());
  const subject = (key: string): CatalogText => catalog.subjects[key] ?? catalog.undocumented;
  return {
    /** An ErrorCode (0 is success). */
    code: (code: number) => subject(String(code)),
    /** Any attempt's outcome, as the explanation of the result panel reads it. */
    outcome: (outcome: { kind: Outcome | "in-flight" | "unknown"; errorCode: number | null }, command: string) =>
      subject(explainOutcome(outcome, command).subject),
    /** CallRecord.CallResult (and Offline), "<name> (undocumented)" for one the documents do not list. */
    callResult: (result: string) => catalog.callResults[result] ?? t("callResultUndocumented", { result }),
  };
}
