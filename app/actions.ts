"use server";

import { z } from "zod";
import { chooseLocale, currentUser } from "@/lib/auth/session";
import { fieldErrorsFrom, type ActionResult } from "@/lib/forms/action-result";
import { LOCALES } from "@/lib/i18n/locales";

const localeSchema = z.object({ locale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}` }) });

/**
 * Public: the sign-in page has the language switch too. Remembered in this
 * browser, and as the user's setting when someone is signed in.
 */
export async function setLocaleAction(input: z.input<typeof localeSchema>): Promise<ActionResult<null>> {
  const parsed = localeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error) };
  await chooseLocale(parsed.data.locale, await currentUser());
  return { ok: true, data: null };
}
