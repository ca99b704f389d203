/**
 * What every server action returns: a success with its data, or a refusal
 * with *all* field errors (keyed by the API's own field path, e.g.
 * "CallInfo.RoomId") and/or one message for the whole form.
 */
import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      fieldErrors?: FieldErrors;
      formError?: string;
      /** Set when the caller may not do this at all: no session, or a role too low. */
      refused?: "unauthenticated" | "forbidden";
    };

export function fieldErrorsFrom(error: z.core.$ZodError, prefix: string[] = []): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = [...prefix, ...issue.path.map(String)].join(".");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** One line per problem, naming the field: for logs, toasts and plain-text summaries. */
export function describeFieldErrors(errors: FieldErrors): string[] {
  return Object.entries(errors).flatMap(([field, messages]) => messages.map((m) => (field ? `${field} ${m}` : m)));
}

/** A server action as a component receives it: the input its schema takes, the result it gives. */
export type Action<Input, T> = (input: Input) => Promise<ActionResult<T>>;

/** The one message to show for a refusal: the form's, else every field problem on its own line. */
export function refusalMessage(result: Extract<ActionResult<unknown>, { ok: false }>, fallback: string): string {
  if (result.formError) return result.formError;
  const lines = result.fieldErrors ? describeFieldErrors(result.fieldErrors) : [];
  return lines.length > 0 ? lines.join("; ") : fallback;
}
