/**
 * The client address from X-Forwarded-For: the last entry, the one the
 * nearest proxy appended (or set), which the client cannot choose.
 */
export function lastForwardedHop(header: string | null): string | null {
  const hop = header?.split(",").pop()?.trim();
  return hop ? hop.slice(0, 64) : null;
}
