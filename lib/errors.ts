/**
 * The one error a use case throws when it cannot do what was asked. The
 * action wrapper (lib/actions) turns it into the action's refusal; anything
 * else thrown is a fault: logged in full, shown as one plain sentence.
 */
import type { FieldErrors } from "@/lib/forms/action-result";

export type AppErrorKind =
  /** The input breaks a rule: the message (or fieldErrors) names the field and the rule. */
  | "invalid-input"
  /** What was named does not exist (any more). */
  | "not-found"
  /** The caller may not do this to this thing (beyond the role check). */
  | "forbidden"
  /** The request clashes with the current state (a name in use, the last admin). */
  | "conflict"
  /** The app profile cannot be used: gone, no destination, key unreadable. */
  | "profile"
  /** The Call Engine (or the way to it) did not let this finish. */
  | "upstream";

export class AppError extends Error {
  override readonly name: string = "AppError";
  readonly kind: AppErrorKind;
  /** The input field the message is about, e.g. "profileId" or "fields.name". */
  readonly field: string | undefined;
  readonly fieldErrors: FieldErrors | undefined;

  constructor(kind: AppErrorKind, message: string, options: { field?: string; fieldErrors?: FieldErrors } = {}) {
    super(message);
    this.kind = kind;
    this.field = options.field;
    this.fieldErrors = options.fieldErrors;
  }
}

/** Several field problems at once, as the schemas report them. */
export function invalidInput(fieldErrors: FieldErrors): AppError {
  const first = Object.entries(fieldErrors)[0];
  const message = first ? `${first[0]} ${first[1][0] ?? "is invalid"}` : "The input is invalid.";
  return new AppError("invalid-input", message, { fieldErrors });
}
