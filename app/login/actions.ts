"use server";

import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { safeNextPath } from "@/lib/auth/redirect";
import { endSession, signInWithPassword } from "@/lib/auth/session";
import { fieldErrorsFrom, type ActionResult } from "@/lib/forms/action-result";

const signInSchema = z.object({
  // An email, so that a password typed into the wrong box is refused here, never recorded as a name.
  email: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.email("must be an email address").max(254)),
  password: z.string().min(1, "is required").max(256),
  next: z.string().optional(),
});

/** Public by nature: checks the password, throttles failures, sets the session cookie. */
export async function signInAction(_previous: ActionResult<null> | null, formData: FormData): Promise<ActionResult<null>> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error) };
  const result = await signInWithPassword(parsed.data.email, parsed.data.password);
  if (!result.ok) {
    const t = await getTranslations("auth.login");
    if (result.reason === "throttled") {
      return { ok: false, formError: t("throttled", { minutes: Math.ceil(result.retryAfterSeconds / 60) }) };
    }
    return { ok: false, formError: t("wrong") };
  }
  redirect(safeNextPath(parsed.data.next));
}

export const signOutAction = guardedAction("session.end", z.object({}), async (_input, { user }) => {
  await endSession(user);
  return null;
});
