/** Byte and unit counting helpers used by the API's limits. */

/**
 * What `Buffer.byteLength(text, "utf8")` says, counted without Buffer (the
 * call form runs this in the browser, where Buffer would be a 7 kB polyfill):
 * a lone surrogate counts as the 3 bytes of the U+FFFD that replaces it.
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Vendors count title and body limits in UTF-16 code units, like JavaScript's length. */
export function utf16Units(text: string): number {
  return text.length;
}

/**
 * Leaves out what the API should not see: empty strings, null, undefined, and
 * objects or arrays that are empty once their own empty members are gone.
 * Strings are kept as typed (no trimming: a UserID is case- and byte-exact).
 */
export function compactJson(value: unknown): unknown {
  if (value === null || value === undefined || value === "") return undefined;
  // JSON has no negative zero: -0 is sent as 0, so it parses as 0.
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) {
    const items = value.map(compactJson).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => [key, compactJson(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

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
