import "server-only";
import { listCallEvents } from "@/lib/db/call-events";
import type { CallEventView } from "@/lib/forms/call-event-view";
import { readyDb } from "./ready";

/** A call's webhook events, oldest first, as the timeline shows them. */
export async function callTimeline(callId: string): Promise<CallEventView[]> {
  const rows = await listCallEvents(await readyDb(), callId);
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
