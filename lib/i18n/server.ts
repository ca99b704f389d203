import "server-only";
import { getLocale } from "next-intl/server";
import { isLocale, DEFAULT_LOCALE } from "./locales";
import { phrasePairsFor } from "./messages";
import { createPhrasebook, type Localize } from "./phrasebook";

/** The phrasebook of this request's language, for text lib wrote in English. */
export async function getLocalize(): Promise<Localize> {
  const locale = await getLocale();
  return createPhrasebook(phrasePairsFor(isLocale(locale) ? locale : DEFAULT_LOCALE));
}
