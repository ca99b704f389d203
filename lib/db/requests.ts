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
  const unkeyed = db.selectFrom("requests as r").select("r.id").where("r.request_id", "=", requestId).where("r.request_key", "is", null);
  const ids = key
    ? db.selectFrom("requests as r").select("r.id").where("r.request_key", "=", key).where("r.request_id", "=", requestId).unionAll(unkeyed)
    : unkeyed;
  const row = await db.selectFrom("requests").selectAll().where("id", "in", ids).orderBy("id", "desc").executeTakeFirst();
  return row ? toHistoryEntry(row) : undefined;
}
