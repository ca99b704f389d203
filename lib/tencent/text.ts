/** Byte and unit counting helpers used by the API's limits. */

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
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
