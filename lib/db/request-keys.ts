import { encodeTime } from "ulid";

/** Keys the history is searched by: time as a range of the ULID key, RequestIds by their hex digits. */

/** ULIDs start with their time, so a time range is a range of the primary key. */
export const ulidFloor = (iso: string) => `${encodeTime(Math.max(0, new Date(iso).getTime()), 10)}0000000000000000`;

/** The 32 hex digits of a RequestId ("Id-<32 hex>-O-Seq-<n>"), lower-cased. */
export function requestKeyOf(requestId: string | null): string | null {
  const match = /^Id-([0-9a-f]{32})-/i.exec(requestId ?? "");
  return match?.[1]?.toLowerCase() ?? null;
}

/** A partial RequestId people paste: at least 6 of its hex digits, with or without "Id-". */
export function partialRequestKey(text: string): string | null {
  const match = /^(?:Id-)?([0-9a-f]{6,32})$/i.exec(text.trim());
  return match?.[1]?.toLowerCase() ?? null;
}

/** The smallest hex string above every string starting with the prefix, or null when there is none ("fff..."). */
export function hexUpperBound(prefix: string): string | null {
  const digits = prefix.split("");
  for (let i = digits.length - 1; i >= 0; i--) {
    const value = parseInt(digits[i] ?? "f", 16);
    if (value < 15) return [...digits.slice(0, i), (value + 1).toString(16)].join("");
  }
  return null;
}
