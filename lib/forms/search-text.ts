/**
 * What support pastes into a search box, made into what the history searches
 * for: "RequestId: Id-…" as "Copy for support" writes it, quotes, stray
 * spaces, any letter case of an id, a whole /history/… or /calls/… address.
 * UserIDs are case-sensitive, so free text keeps its case.
 */

export type SearchKind = "request-id" | "call-id" | "entry-id" | "partial-request-id" | "text";

export interface NormalizedSearch {
  q: string;
  kind: SearchKind;
}

const QUOTES = /^[\s"'`\u2018\u2019\u201c\u201d\u00ab\u00bb<>]+|[\s"'`\u2018\u2019\u201c\u201d\u00ab\u00bb<>.,;]+$/g;
const LABEL = /^(?:request[\s_-]?id|call[\s_-]?id|user[\s_-]?id|entry|id)\s*[:=#]\s*/i;
const REQUEST_ID = /^id-([0-9a-f]{32})-o-seq-(\d+)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ULID = /^[0-9a-hjkmnp-tv-z]{26}$/i;
const PARTIAL = /^(?:id-)?([0-9a-f]{6,32})$/i;
const ADDRESS = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/\s]+)?\/(history|calls)\/([^/?#\s]+)/i;

function unwrap(text: string): string {
  let current = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  for (let i = 0; i < 4; i++) {
    const next = current.replace(QUOTES, "").replace(LABEL, "").trim();
    if (next === current) break;
    current = next;
  }
  return current;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** One pasted text as the search and what kind of thing it names. */
export function normalizeSearch(input: string): NormalizedSearch {
  let text = unwrap(input);
  const address = ADDRESS.exec(text);
  if (address?.[2]) text = unwrap(decode(address[2]));
  // An id never holds a space: "Id- 5f…" or "5f0c 1a…" lose theirs.
  const compact = text.replace(/\s+/g, "");
  const requestId = REQUEST_ID.exec(compact);
  if (requestId) return { q: `Id-${requestId[1]?.toLowerCase()}-O-Seq-${requestId[2]}`, kind: "request-id" };
  if (UUID.test(compact)) return { q: compact.toLowerCase(), kind: "call-id" };
  if (address?.[1]?.toLowerCase() === "history" && ULID.test(compact)) return { q: compact.toUpperCase(), kind: "entry-id" };
  if (/^[0-9A-HJKMNP-TV-Z]{26}$/.test(compact)) return { q: compact, kind: "entry-id" };
  const partial = PARTIAL.exec(compact);
  if (partial && /[0-9]/.test(compact) && /[a-f]/i.test(compact)) return { q: compact, kind: "partial-request-id" };
  return { q: text.replace(/\s+/g, " "), kind: "text" };
}

/** True when the search names one thing, so its entry can be opened directly. */
export const isExactSearch = (kind: SearchKind) => kind === "request-id" || kind === "call-id" || kind === "entry-id";
