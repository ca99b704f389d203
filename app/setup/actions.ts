"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/passwords";
import { redeemUserToken } from "@/lib/auth/service";
import { clientInfo, signInWithPassword } from "@/lib/auth/session";
import { fieldErrorsFrom, type ActionResult } from "@/lib/forms/action-result";

const setupSchema = z
  .object({
    token: z.string().min(1, "the link is incomplete"),
    email: z.email("must be an email address").optional(),
    password: z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(PASSWORD_MAX_LENGTH),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "does not match the password" });

/** Public, but only with a valid one-time link: first admin, invitation, or password reset. */
export async function completeSetupAction(input: unknown): Promise<ActionResult<null>> {
  const parsed = setupSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error) };
  const { token, email, password } = parsed.data;
  const result = await redeemUserToken(await getDb(), { token, email, password, client: await clientInfo() });
  if (!result.ok) return { ok: false, formError: result.message };
  const session = await signInWithPassword(result.user.email, password);
  redirect(session.ok ? "/" : "/login");
}
