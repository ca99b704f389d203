import { z } from "zod/mini";
import "./zod-mini-locale";

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

// Apart from the schema (in ../text.ts) so the call form can split callees without loading Zod.
export { splitUserIds } from "../text";
