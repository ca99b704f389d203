/**
 * One state per call, folded from every piece of evidence about its CallId:
 * the start's answer, webhook events, get_call_info answers, end_call answers
 * and the record. Pure: no database, no clock but the `now` it is given.
 *
 * Precedence (each rule is a row of the table test beside this file):
 * 1. Evidence is applied in time order (requests by the time they were sent,
 *    events by EventTime, else by arrival); ties keep the given order.
 * 2. An end is final: an `ended` event, an end_call that succeeded or answered
 *    101004, a get_call_info that answered 101004, or a record. Nothing after
 *    it (a late or contradictory reading) brings the call or a callee back.
 * 3. A callee that left (rejected, not answered, hung up, cancelled, offline)
 *    never rings or joins again; one in the call never goes back to ringing.
 *    A callee seen leaving without a reason ("unknown") may still be given
 *    its reason by a later event or the record.
 * 4. At the end, whoever was in the call hung up, and whoever still rang is
 *    given the call's result (Reject: rejected, NotAnswer: not answered,
 *    Offline: offline, else cancelled); cancelled too when the console's
 *    end_call ended it; "unknown" when only a 101004 said it was over, until
 *    an event or the record says why.
 * 5. A call with no end whose callees all still ring (or have left) past the
 *    ring Timeout plus a minute, or with no news for two hours, is "stale":
 *    the console missed its end; it is not shown as in progress.
 */
import type { CalleeState, CalleeStatus, CallPhase, EvidenceSource } from "@/lib/forms/call-view";

export type { CalleeState, CalleeStatus, CallPhase, EvidenceSource } from "@/lib/forms/call-view";
export interface CallState {
  callId: string;
  phase: CallPhase;
  ended: boolean;
  endedAt: string | null;
  endSource: EvidenceSource | null;
  /** CallResult from an event or the record (NormalEnd, Reject, ...); "Ended" when only an end was seen. */
  result: string | null;
  robot: string | null;
  startedAt: string | null;
  answeredAt: string | null;
  /** Seconds from the start to the end, when both are known. */
  durationS: number | null;
  callees: CalleeState[];
}

/** A history entry about the call, as the fold needs it (the answer is read tolerantly). */
export interface RequestEvidence {
  kind: "start" | "status" | "end" | "record";
  entryId: string;
  /** ISO time the request was sent. */
  at: string;
  outcome: string;
  errorCode: number | null;
  response: unknown;
  robot?: string | null;
  callees?: string[];
  /** The start's Timeout (ms), from its body. */
  timeoutMs?: number | null;
}

export interface EventEvidence {
  kind: "event";
  at: string;
  event: {
    kind: "started" | "member-changed" | "ended" | "unknown";
    members: { account: string; status: string | null }[];
    changes: { account: string; action: string }[];
    callResult: string | null;
  };
}

export type Evidence = RequestEvidence | EventEvidence;

const LEFT: ReadonlySet<CalleeStatus> = new Set(["rejected", "not-answered", "hung-up", "cancelled", "offline"]);
const CALL_ENDED = 101004;
/** A call not ended with no news for this long is stale (the console missed its end). */
const SILENCE_MS = 2 * 3_600_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const responseOf = (answer: unknown): Obj | null => (isObj(answer) && isObj(answer.Response) ? answer.Response : null);

/** ActionType words vary between the documentation's sample and table: match loosely. */
export function statusForAction(action: string): CalleeStatus | null {
  const word = action.toLowerCase().replace(/[^a-z]/g, "");
  if (["answer", "accept", "join", "enter"].includes(word)) return "in-call";
  if (word === "reject" || word === "busy" || word === "linebusy") return "rejected";
  if (word === "notanswer" || word === "timeout" || word === "noresp") return "not-answered";
  if (["hangup", "leave", "exit", "quit"].includes(word)) return "hung-up";
  if (word.startsWith("cancel") || word.startsWith("canncel")) return "cancelled";
  if (word === "offline") return "offline";
  if (word === "invite" || word === "invited") return "ringing";
  return null;
}

function statusForMember(status: string | null): CalleeStatus | null {
  if (status === "Calling") return "in-call";
  if (status === "Waiting") return "ringing";
  return null;
}

function statusAtEnd(result: string | null): CalleeStatus {
  if (result === "Reject" || result === "CallBusy") return "rejected";
  if (result === "NotAnswer") return "not-answered";
  if (result === "Offline") return "offline";
  return "cancelled";
}

const iso = (unixS: unknown): string | null =>
  typeof unixS === "number" && unixS > 0 && Number.isFinite(unixS) ? new Date(unixS * 1000).toISOString() : null;

export function foldCallState(callId: string, evidence: Evidence[], now: Date = new Date()): CallState {
  const state: CallState = {
    callId,
    phase: "starting",
    ended: false,
    endedAt: null,
    endSource: null,
    result: null,
    robot: null,
    startedAt: null,
    answeredAt: null,
    durationS: null,
    callees: [],
  };
  const callees = new Map<string, CalleeState>();
  let failed = false;
  let timeoutMs: number | null = null;

  const set = (account: string, status: CalleeStatus, at: string, source: EvidenceSource, note: string | null = null) => {
    if (account === state.robot) return;
    const current = callees.get(account);
    if (!current) {
      // After the end, nobody new joins.
      if (state.ended && !LEFT.has(status)) return;
      callees.set(account, { account, status, at, source, answered: status === "in-call", note });
      return;
    }
    if (LEFT.has(current.status)) return;
    if (state.ended && !LEFT.has(status)) return;
    if (current.status === "unknown" && !LEFT.has(status) && current.source !== "start") return;
    if (current.status === "in-call" && status === "ringing") return;
    if (current.status === status) return;
    callees.set(account, { ...current, status, at, source, answered: current.answered || status === "in-call", note });
    if (status === "in-call") state.answeredAt ??= at;
  };

  const end = (at: string, source: EvidenceSource, result: string | null, byConsole = false) => {
    if (result && (!state.result || state.result === "Ended")) state.result = result;
    if (state.ended) return;
    state.ended = true;
    state.endedAt = at;
    state.endSource = source;
    state.result ??= result ?? "Ended";
    // Ended by the console's end_call: whoever rang was cancelled. Over before (101004): why is not known yet.
    const ringing: CalleeStatus | null = result ? statusAtEnd(result) : source === "end" && byConsole ? "cancelled" : null;
    for (const c of callees.values()) {
      if (c.status === "in-call") set(c.account, "hung-up", at, source);
      else if (c.status === "ringing") {
        if (ringing) set(c.account, ringing, at, source);
        else callees.set(c.account, { ...c, status: "unknown", at, source, note: "the call was over; the record or a webhook tells why" });
      }
    }
  };

  const ordered = evidence.map((e, i) => ({ e, i, t: Date.parse(e.at) || 0 })).sort((a, b) => a.t - b.t || a.i - b.i);
  for (const { e } of ordered) {
    if (e.kind === "event") {
      const { event } = e;
      if (event.kind === "ended") {
        // Whoever the record names as still ringing gets the call's result.
        end(e.at, "webhook", event.callResult);
        for (const c of callees.values()) if (c.status === "unknown") set(c.account, statusAtEnd(event.callResult), e.at, "webhook");
        continue;
      }
      if (state.ended) continue;
      for (const m of event.members) {
        const status = statusForMember(m.status);
        if (status) set(m.account, status, e.at, "webhook");
      }
      for (const change of event.changes) {
        const status = statusForAction(change.action);
        set(change.account, status ?? "unknown", e.at, "webhook", status ? null : `ActionType ${change.action}`);
      }
      continue;
    }

    if (e.kind === "start") {
      state.robot = e.robot ?? null;
      timeoutMs = e.timeoutMs ?? null;
      if (e.outcome === "pending") continue;
      state.startedAt = e.at;
      if (e.outcome !== "ok") {
        failed = true;
        continue;
      }
      const results = responseOf(e.response)?.CallResult;
      const codes = new Map<string, number>();
      if (Array.isArray(results)) {
        for (const r of results) if (isObj(r) && typeof r.Callee_Account === "string") codes.set(r.Callee_Account, Number(r.ResultCode));
      }
      for (const account of e.callees ?? []) {
        const code = codes.get(account);
        if (code !== undefined && code !== 0) set(account, "unknown", e.at, "start", `not invited: ResultCode ${code}`);
        else set(account, "ringing", e.at, "start");
      }
      continue;
    }

    if (e.outcome === "pending") continue;
    if (e.kind === "end") {
      if (e.outcome === "ok") end(e.at, "end", null, true);
      else if (e.errorCode === CALL_ENDED) end(e.at, "end", null);
    } else if (e.kind === "status") {
      if (e.errorCode === CALL_ENDED) end(e.at, "status", null);
      else if (e.outcome === "ok" && !state.ended) {
        const list = responseOf(e.response)?.UserList;
        if (!Array.isArray(list)) continue;
        const present = new Set<string>();
        let readable = true;
        for (const m of list) {
          if (!isObj(m) || typeof m.User_Account !== "string") {
            readable = false;
            continue;
          }
          present.add(m.User_Account);
          const status = statusForMember(typeof m.Status === "string" ? m.Status : null);
          if (status) set(m.User_Account, status, e.at, "status");
        }
        // Gone from the list: hung up if it had answered; otherwise why is not said.
        for (const c of readable ? callees.values() : []) {
          if (present.has(c.account) || LEFT.has(c.status) || c.status === "unknown") continue;
          set(c.account, c.status === "in-call" ? "hung-up" : "unknown", e.at, "status", c.status === "in-call" ? null : "left the call");
        }
      }
    } else if (e.kind === "record" && e.outcome === "ok") {
      const record = responseOf(e.response)?.CallRecord;
      if (!isObj(record)) continue;
      const result = typeof record.CallResult === "string" ? record.CallResult : null;
      const endedAt = iso(record.EndTime) ?? e.at;
      end(endedAt, "record", result);
      state.answeredAt ??= iso(record.AcceptTime);
      for (const c of callees.values()) if (c.status === "unknown") set(c.account, statusAtEnd(result), endedAt, "record");
      const started = iso(record.StartTime);
      if (started) state.startedAt ??= started;
      if (typeof record.StartTime === "number" && typeof record.EndTime === "number" && record.EndTime >= record.StartTime) {
        state.durationS = record.EndTime - record.StartTime;
      }
    }
  }

  state.callees = [...callees.values()];
  if (state.durationS === null && state.ended && state.startedAt && state.endedAt) {
    state.durationS = Math.max(0, Math.round((Date.parse(state.endedAt) - Date.parse(state.startedAt)) / 1000));
  }
  const anyIn = state.callees.some((c) => c.status === "in-call");
  const anyRinging = state.callees.some((c) => c.status === "ringing");
  const last = ordered.length > 0 ? (ordered[ordered.length - 1]?.t ?? 0) : 0;
  const ringDeadline = state.startedAt ? Date.parse(state.startedAt) + (timeoutMs ?? 600_000) + 60_000 : 0;
  if (state.ended) state.phase = "ended";
  else if (failed) state.phase = "failed";
  else if (state.startedAt === null) state.phase = "starting";
  else if (now.getTime() - last > SILENCE_MS) state.phase = "stale";
  else if (anyIn) state.phase = "in-call";
  else if (anyRinging || state.callees.length === 0) state.phase = now.getTime() > ringDeadline ? "stale" : "ringing";
  else state.phase = now.getTime() > ringDeadline ? "stale" : "ending";
  return state;
}

/** True while the call may still change: the screens poll and offer End call only then. */
export const isLive = (state: Pick<CallState, "phase">) =>
  state.phase === "ringing" || state.phase === "in-call" || state.phase === "ending" || state.phase === "starting";
