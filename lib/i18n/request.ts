/**
 * next-intl's request config (next.config.mjs names this file): the language
 * of this request is the cookie the header's switch (or sign-in, from the
 * user's setting) wrote, else the browser's Accept-Language, else English.
 * No locale in the URL: a RequestId's address is the same in every language.
 */
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, isLocale, negotiateLocale, type Locale } from "./locales";
import { messagesFor } from "./messages";

export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  // Times the server formats are UTC (the browser formats in the zone the user chose).
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
