/**
 * Every language's messages, with the error catalog's English taken from
 * lib/tencent/error-catalog.ts so that it is written once.
 */
import { englishCatalogMessages, type CatalogMessages } from "./catalog-messages";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";
import { phrasePairs, type PhrasePair } from "./phrasebook";

export type Messages = typeof en & { errorCatalog: CatalogMessages };

const FILES: Record<Locale, unknown> = { en, "zh-CN": zhCN };

const english: Messages = { ...en, errorCatalog: englishCatalogMessages() };

export function messagesFor(locale: Locale): Messages {
  return locale === DEFAULT_LOCALE ? english : (FILES[locale] as Messages);
}

/**
 * Namespaces of plain text, read with `t.raw()` and never parsed as ICU: the
 * error catalog quotes API text with braces and angle brackets.
 */
export const RAW_NAMESPACES = ["errorCatalog"] as const;

/** The namespaces whose English is matched in text lib writes (see ./phrasebook.ts). */
export const PHRASE_NAMESPACES = ["rules", "server"] as const;

const pairsCache = new Map<Locale, PhrasePair[]>();

/** English templates and their translation, for the phrasebook of one language (none for English). */
export function phrasePairsFor(locale: Locale): PhrasePair[] {
  if (locale === DEFAULT_LOCALE) return [];
  let pairs = pairsCache.get(locale);
  if (!pairs) {
    pairs = phrasePairs(english, messagesFor(locale), PHRASE_NAMESPACES);
    pairsCache.set(locale, pairs);
  }
  return pairs;
}

export function englishMessages(): Messages {
  return english;
}
