/**
 * The error catalog as messages: the English comes from lib/tencent's catalog
 * (the one source of the English text), the other languages from their
 * messages files under the same keys. Keyed by an explanation's `subject`:
 * an ErrorCode, a transport outcome, "in-flight" or "unknown".
 */
import {
  CALL_RESULTS,
  ERROR_CODES,
  IN_FLIGHT,
  OUTCOME_UNKNOWN,
  RETRY_ADVICE,
  RING_TWICE,
  TRANSPORT_OUTCOMES,
  UNKNOWN_CODE,
  type CatalogEntry,
} from "@/lib/tencent/error-catalog";

interface EntryMessages {
  title: string;
  cause: string;
  action: string;
}

const texts = ({ title, cause, action }: CatalogEntry): EntryMessages => ({ title, cause, action });

export interface CatalogMessages {
  /** ErrorCodes, transport outcomes, "in-flight" and "unknown" (a row with no answer). */
  subjects: Record<string, EntryMessages>;
  /** An ErrorCode the documentation does not list. */
  undocumented: EntryMessages;
  retry: Record<keyof typeof RETRY_ADVICE | "ringTwice", string>;
  callResults: Record<string, string>;
}

export function englishCatalogMessages(): CatalogMessages {
  const subjects: Record<string, EntryMessages> = {};
  for (const [code, entry] of Object.entries(ERROR_CODES)) subjects[code] = texts(entry);
  for (const [kind, entry] of Object.entries(TRANSPORT_OUTCOMES)) subjects[kind] = texts(entry);
  subjects["in-flight"] = texts(IN_FLIGHT);
  subjects.unknown = texts(OUTCOME_UNKNOWN);
  return {
    subjects,
    undocumented: texts(UNKNOWN_CODE),
    retry: { ...RETRY_ADVICE, ringTwice: RING_TWICE },
    callResults: { ...CALL_RESULTS },
  };
}
