import type { CallMemberView, CallRecordView } from "./call-record-view";
/**
 * What the browser is shown of a call: its one state (folded in lib/calls/call-state.ts)
 * and its timeline. Client-safe: no secret, no raw row.
 */
import type { AttemptView } from "./attempt-view";
import type { CallEventView } from "./call-event-view";

export type CalleeStatus = "ringing" | "in-call" | "rejected" | "not-answered" | "hung-up" | "cancelled" | "offline" | "unknown";
export type EvidenceSource = "start" | "webhook" | "status" | "end" | "record";
/** "ending": every callee has left but no end was seen yet; "stale": no end was seen and no news came for too long. */
export type CallPhase = "starting" | "failed" | "ringing" | "in-call" | "ending" | "ended" | "stale";

export interface CalleeState {
  account: string;
  status: CalleeStatus;
  /** ISO time of the evidence that set it. */
  at: string;
  source: EvidenceSource;
  /** Ever in the call. */
  answered: boolean;
  note: string | null;
}

export interface CallView {
  callId: string;
  phase: CallPhase;
  ended: boolean;
  endedAt: string | null;
  endSource: EvidenceSource | null;
  /** CallResult (NormalEnd, Reject, ...), or "Ended" when only an end was seen. */
  result: string | null;
  robot: string | null;
  startedAt: string | null;
  answeredAt: string | null;
  durationS: number | null;
  callees: CalleeState[];
  /** The history entry of the start. */
  startEntryId: string;
  profileId: string | null;
  profileName: string;
  operator: string | null;
}

export type TimelineItem =
  | {
      kind: "request";
      at: string;
      entryId: string;
      command: string;
      outcome: AttemptView["outcome"];
      errorCode: number | null;
      background: boolean;
      operator: string | null;
    }
  | { kind: "event"; at: string; event: CallEventView };

/** What end_call, get_call_info and get_record_by_callid return to the browser. */
export interface FollowUpView {
  attempt: AttemptView;
  /** get_call_info: the members as the answer lists them. */
  members?: CallMemberView[];
  /** get_record_by_callid: the record. */
  record?: CallRecordView;
  /** The call's state with this answer folded in. */
  call: CallView | null;
}

export interface CallDetailView {
  call: CallView;
  timeline: TimelineItem[];
}

/** True while the call may still change: the screens poll and offer End call only then. */
export const isLivePhase = (phase: CallPhase) => phase === "ringing" || phase === "in-call" || phase === "ending" || phase === "starting";

/**
 * The change feed the live views poll (/api/calls/changes): the webhook events
 * any instance stored in the last few seconds, by id, with their CallId.
 */
export interface CallChangesView {
  events: { id: string; callId: string }[];
}
