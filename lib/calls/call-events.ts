import "server-only";
import { listCallEvents } from "@/lib/db/call-events";
import type { CallEventView } from "@/lib/forms/call-event-view";
import { historyEntry } from "./history";
import { readyDb } from "./ready";

/**
 * The webhook events of the call a history entry started, from that entry's
 * profile only, oldest first; null when the entry started no call.
 */
export async function callTimeline(entryId: string): Promise<CallEventView[] | null> {
  const entry = await historyEntry(entryId);
  if (!entry?.call_id || !entry.profile_id) return null;
  const rows = await listCallEvents(await readyDb(), entry.call_id, entry.profile_id);
  return rows.map((row) => {
    const summary = (row.summary ? JSON.parse(row.summary) : {}) as Partial<CallEventView>;
    return {
      id: row.id,
      receivedAt: row.received_at,
      eventTime: row.event_time,
      kind: summary.kind ?? "unknown",
      command: row.command,
      mediaType: summary.mediaType ?? null,
      members: summary.members ?? [],
      changes: summary.changes ?? [],
      callResult: summary.callResult ?? null,
      problems: row.problems ? (JSON.parse(row.problems) as string[]) : [],
      payload: row.payload,
    };
  });
}
