import "server-only";
import type { Kysely } from "kysely";
import { partialRequestKey, requestKeyOf } from "./request-keys";
import { toHistoryEntry, type HistoryEntry } from "./request-rows";
import type { Database } from "./schema";

/** History's attempts: written by request-writes.ts, mapped by request-rows.ts, read here. */

export { partialRequestKey, requestKeyOf };
export {
  completedColumns,
  completedEntryFields,
  getRequest,
  toHistoryEntry,
  type CompletedOutcome,
  type HistoryEntry,
  type PendingRequest,
} from "./request-rows";
export { completeRequest, insertPendingRequest, StartClaimedError, type InsertPendingResult } from "./request-writes";

/**
 * The newest attempt with this RequestId: by its hex key (the index every standard RequestId is
 * found by), or, for a RequestId without one, by the RequestId itself (see migration 0012).
 */
export async function findByRequestId(db: Kysely<Database>, requestId: string): Promise<HistoryEntry | undefined> {
  const key = requestKeyOf(requestId);
  // Written out as (keyed) OR (unkeyed), each arm an index of its own: SQLite unites them (MULTI-INDEX OR),
  // PostgreSQL ORs two bitmaps; a UNION inside IN (...) cost PostgreSQL twice the planning.
  const row = await db
    .selectFrom("requests")
    .selectAll()
    .where((eb) => {
      const unkeyed = eb.and([eb("request_id", "=", requestId), eb("request_key", "is", null)]);
      return key ? eb.or([eb.and([eb("request_key", "=", key), eb("request_id", "=", requestId)]), unkeyed]) : unkeyed;
    })
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row ? toHistoryEntry(row) : undefined;
}
