import * as z from "./mini";

export const USER_ID_MAX_BYTES = 32;

/**
 * A Chat UserID as documented: non-empty printable ASCII (space included), at
 * most 32 bytes, always a JSON string. Tencent recommends letters, digits, _
 * and -; anything else (a space) is the console's advice (body-warnings.ts),
 * never a refusal.
 */
export const userIdSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string (a number gives 60015)") })
  .check(
    z.minLength(1, "must not be empty"),
    z.regex(/^[\x20-\x7e]+$/, "must be printable ASCII (letters, digits, _ and - are safest)"),
    z.maxLength(USER_ID_MAX_BYTES, `must be at most ${USER_ID_MAX_BYTES} bytes`),
  );

/**
 * Splits what a person types into a list of UserIDs: one per line or separated
 * by commas, blanks ignored. Spaces around a name are dropped; inside it they stay
 * (and then fail the UserID rule with a clear message).
 */
export function splitUserIds(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}
