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

export async function findByRequestId(db: Kysely<Database>, requestId: string): Promise<HistoryEntry | undefined> {
  const row = await db.selectFrom("requests").selectAll().where("request_id", "=", requestId).orderBy("id", "desc").executeTakeFirst();
  return row ? toHistoryEntry(row) : undefined;
}
