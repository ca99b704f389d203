import "server-only";
import { findByRequestId, getRequest, type HistoryEntry } from "@/lib/db/requests";
import { listRequests, type HistoryPage, type HistoryQuery } from "@/lib/db/history-list";
import { readyDb } from "./ready";

export const HISTORY_PAGE_SIZE = 50;

export async function historyPage(query: Omit<HistoryQuery, "limit"> & { limit?: number }): Promise<HistoryPage> {
  const db = await readyDb();
  return listRequests(db, { ...query, limit: Math.min(Math.max(query.limit ?? HISTORY_PAGE_SIZE, 1), 200) });
}

/** Opens an entry by its history id or by its RequestId. */
export async function historyEntry(idOrRequestId: string): Promise<HistoryEntry | undefined> {
  // No id or RequestId has control characters (PostgreSQL refuses a NUL in text).
  if (!idOrRequestId || idOrRequestId.length > 200 || /[\u0000-\u001f\u007f]/.test(idOrRequestId)) return undefined;
  const db = await readyDb();
  if (idOrRequestId.startsWith("Id-")) return findByRequestId(db, idOrRequestId);
  return (await getRequest(db, idOrRequestId)) ?? findByRequestId(db, idOrRequestId);
}
