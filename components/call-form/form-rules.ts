/**
 * The call form's rules: the one API schema, startCallBodySchema, and the
 * UserID rule. Zod comes with them, so the form loads this module on first use
 * (its first check, or the first callee typed) rather than with the page.
 */
import type { FieldErrors } from "@/lib/forms/action-result";
import { fieldErrorsFrom } from "@/lib/forms/action-result";
import { startCallBodySchema } from "@/lib/tencent/schemas/start-call";
import { userIdSchema } from "@/lib/tencent/schemas/user-id";
import { errorsByField, formToBody, type CallFormValues } from "./form-model";

export function validateForm(values: CallFormValues): { body: unknown; byField: Record<string, string[]> } {
  const { body, errors } = formToBody(values);
  const parsed = startCallBodySchema.safeParse(body);
  const all: FieldErrors = { ...(parsed.success ? {} : fieldErrorsFrom(parsed.error)), ...errors };
  const byField = errorsByField(all, body);
  if (!values.profileId) byField.profileId = ["choose the app profile to send with"];
  return { body, byField };
}

/** Whether a callee as typed is a valid UserID (only those are checked). */
export function isUserId(text: string): boolean {
  return userIdSchema.safeParse(text).success;
}
