import "server-only";
import type { Kysely } from "kysely";
import { env } from "@/lib/env";
import { findCallStart, listCallRequests, listCallStarts, listEventsOfCalls } from "@/lib/db/calls";
import type { HistoryEntry } from "@/lib/db/requests";
import type { CallEventsTable, Database } from "@/lib/db/schema";
import type { CallEventView } from "@/lib/forms/call-event-view";
import type { CallFilters } from "@/lib/forms/call-filters";
import type { CallDetailView, CallView, TimelineItem } from "@/lib/forms/call-view";
import { COMMANDS } from "@/lib/tencent/commands";
import { foldCallState, type Evidence, type RequestEvidence } from "./call-state";
import { pendingState } from "./views";

const KIND_OF: Record<string, RequestEvidence["kind"] | undefined> = {
  [COMMANDS.startCallByRobot]: "start",
  [COMMANDS.getCallInfo]: "status",
  [COMMANDS.endCall]: "end",
  [COMMANDS.getRecordByCallId]: "record",
};

function eventView(row: CallEventsTable): CallEventView {
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
}

const eventAt = (e: CallEventView) => (e.eventTime ? new Date(e.eventTime).toISOString() : e.receivedAt);
const timeoutOf = (body: unknown) =>
  typeof body === "object" && body !== null && typeof (body as { Timeout?: unknown }).Timeout === "number"
    ? (body as { Timeout: number }).Timeout
    : null;

function requestEvidence(entry: HistoryEntry): RequestEvidence | null {
  const kind = KIND_OF[entry.command];
  if (!kind) return null;
  return {
    kind,
    entryId: entry.id,
    at: entry.created_at,
    outcome: entry.outcome,
    errorCode: entry.error_code,
    response: entry.response,
    ...(kind === "start" ? { robot: entry.robot_account, callees: entry.callees, timeoutMs: timeoutOf(entry.requestBody) } : {}),
  };
}

/** Folds a call from its start, its requests and its events (events of the start's profile only). */
function assemble(start: HistoryEntry, requests: HistoryEntry[], events: CallEventsTable[], now: Date): CallDetailView {
  const callId = start.call_id ?? "";
  const mine = requests.filter((r) => r.call_id === callId && r.profile_id === start.profile_id);
  const views = events.filter((e) => e.call_id === callId && e.profile_id === start.profile_id).map(eventView);
  const evidence: Evidence[] = [
    ...mine.flatMap((r) => requestEvidence(r) ?? []),
    ...views.map((event) => ({ kind: "event" as const, at: eventAt(event), event })),
  ];
  const state = foldCallState(callId, evidence, now);
  const call: CallView = {
    ...state,
    startEntryId: start.id,
    profileId: start.profile_id,
    profileName: start.profile_name,
    operator: start.operator,
  };
  const timeline: TimelineItem[] = [
    ...mine.map((r) => ({
      kind: "request" as const,
      at: r.created_at,
      entryId: r.id,
      command: r.command,
      outcome: r.outcome === "pending" ? pendingState(r.created_at, now.getTime(), env().REQUEST_TIMEOUT_MS) : r.outcome,
      errorCode: r.error_code,
      background: r.background === 1,
      operator: r.operator,
    })),
    ...views.map((event) => ({ kind: "event" as const, at: eventAt(event), event })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return { call, timeline };
}

/** One call with its timeline, or undefined when no start gave this CallId. */
export async function callDetail(db: Kysely<Database>, callId: string, now = new Date()): Promise<CallDetailView | undefined> {
  if (!callId || callId.length > 128 || /[\u0000-\u001f\u007f]/.test(callId)) return undefined;
  const start = await findCallStart(db, callId);
  if (!start) return undefined;
  const [requests, events] = await Promise.all([listCallRequests(db, [callId]), listEventsOfCalls(db, [callId])]);
  return assemble(start, requests, events, now);
}

async function foldStarts(db: Kysely<Database>, starts: HistoryEntry[], now: Date): Promise<CallView[]> {
  const ids = starts.flatMap((s) => (s.call_id ? [s.call_id] : []));
  const [requests, events] = await Promise.all([listCallRequests(db, ids), listEventsOfCalls(db, ids)]);
  return starts.map((s) => assemble(s, requests, events, now).call);
}

export function matchesResult(call: CallView, result: CallFilters["result"]): boolean {
  if (!result) return true;
  const live = call.phase === "ringing" || call.phase === "in-call" || call.phase === "ending" || call.phase === "starting";
  if (result === "live") return live;
  if (result === "ended") return call.ended;
  if (result === "answered") return call.callees.some((c) => c.answered);
  if (result === "rejected") return call.callees.some((c) => c.status === "rejected");
  return !live && !call.callees.some((c) => c.answered);
}

export const CALLS_PAGE_SIZE = 25;
/** A result filter is applied to folded calls: a page reads at most this many starts, then hands over its cursor. */
const SCAN_LIMIT = 1_000;

/**
 * Calls newest first. Profile, robot, callee and time are index ranges; the
 * result is a property of the folded state, so the starts are read in batches
 * until a page is full or SCAN_LIMIT starts were read; the cursor is the last
 * start read, so paging stays keyset and never skips or repeats a call.
 */
export async function callsPage(
  db: Kysely<Database>,
  filters: CallFilters,
  cursor: string | undefined,
  now = new Date(),
): Promise<{ calls: CallView[]; nextCursor: string | null }> {
  const calls: CallView[] = [];
  let next = cursor;
  let scanned = 0;
  for (;;) {
    const batch = filters.result ? 100 : CALLS_PAGE_SIZE - calls.length;
    const { starts, lastId } = await listCallStarts(db, { ...filters, cursor: next, limit: batch });
    scanned += starts.length;
    for (const call of await foldStarts(db, starts, now)) {
      if (matchesResult(call, filters.result) && calls.length < CALLS_PAGE_SIZE) calls.push(call);
      next = call.startEntryId;
      if (calls.length === CALLS_PAGE_SIZE) break;
    }
    if (lastId === null && calls.length < CALLS_PAGE_SIZE) return { calls, nextCursor: null };
    if (calls.length === CALLS_PAGE_SIZE || scanned >= SCAN_LIMIT) return { calls, nextCursor: next ?? null };
  }
}

/** Calls that may still change, started in the last two hours (a bounded read). */
export async function liveCalls(db: Kysely<Database>, now = new Date()): Promise<CallView[]> {
  const from = new Date(now.getTime() - 2 * 3_600_000).toISOString();
  const { starts } = await listCallStarts(db, { from, limit: 200 });
  const calls = await foldStarts(db, starts, now);
  return calls.filter((c) => matchesResult(c, "live"));
}
