/**
 * The simulator's calls: who rings, who answered, how each call ended, and
 * its record, which appears a few seconds after the end as in the real service.
 *
 * Nothing here waits on a timer: a start plans the call once (when each magic
 * callee answers or rejects, when the others ring out, when the call ends if
 * nobody hangs up) and stores the plan; every read derives the call's state at
 * the reader's clock from those stored times. So any instance sharing the
 * store answers for any call, and a restart loses nothing.
 */
import { matchMagic } from "./magic-accounts";
import type { CallResult, MemberChange, SimStore, StoredCall } from "./store";

export type { CallResult } from "./store";
export type MemberStatus = "Calling" | "Waiting";

/** A call as it stands at one moment. Times are unix seconds. */
export interface SimCall {
  callId: string;
  caller: string;
  callees: string[];
  mediaType: "Audio" | "Video";
  roomId: string;
  roomIdType: 0 | 1 | 2;
  startTime: number;
  acceptTime: number | null;
  endTime: number | null;
  result: CallResult | null;
  /** Members still in the call: the caller is Calling; a callee is Waiting while it rings, Calling once it answered. */
  members: Map<string, MemberStatus>;
}

export interface CallTimings {
  answerMs: number;
  rejectMs: number;
  /** A record exists this long after the end (101050 before). */
  recordDelayMs: number;
  /** An answered call the caller never ends is hung up after this long. */
  maxDurationMs: number;
}

/** Records are kept 7 days, as documented; calls that old are deleted from the store. */
export const RETENTION_MS = 7 * 24 * 3_600_000;

export const DEFAULT_TIMINGS: CallTimings = { answerMs: 2_000, rejectMs: 1_000, recordDelayMs: 5_000, maxDurationMs: 10 * 60_000 };

export interface StartInput {
  callId: string;
  caller: string;
  callees: string[];
  mediaType: "Audio" | "Video";
  roomId?: string;
  roomIdType?: 1 | 2;
  timeoutMs: number;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * What happens to a call nobody hangs up. The order of simultaneous events is
 * the order in which the real-time version set its timers: answers and
 * rejections in callee order, then the Timeout, then the longest-call limit.
 */
export function planCall(input: StartInput, startMs: number, timings: CallTimings): StoredCall {
  const pending: { atMs: number; account: string; action: "Answer" | "Reject" }[] = [];
  for (const callee of input.callees) {
    const magic = matchMagic(callee);
    if (magic === "sim-answers") pending.push({ atMs: startMs + timings.answerMs, account: callee, action: "Answer" });
    else if (magic === "sim-rejects") pending.push({ atMs: startMs + timings.rejectMs, account: callee, action: "Reject" });
  }
  pending.sort((a, b) => a.atMs - b.atMs);
  const timeoutAt = startMs + input.timeoutMs;
  const members = new Map<string, MemberStatus>([[input.caller, "Calling"], ...input.callees.map((c) => [c, "Waiting"] as const)]);
  const gone: ("Reject" | "NotAnswer")[] = [];
  const changes: MemberChange[] = [];
  let acceptMs: number | null = null;
  let end: { atMs: number; result: CallResult } | null = null;

  const leave = (account: string, action: "Reject" | "NotAnswer", atMs: number) => {
    if (members.get(account) !== "Waiting") return;
    members.delete(account);
    gone.push(action);
    changes.push({ atMs, account, action });
    if (input.callees.some((c) => members.has(c))) return;
    end = { atMs, result: acceptMs !== null ? "NormalEnd" : gone.every((g) => g === "Reject") ? "Reject" : "NotAnswer" };
  };
  const events = [...pending.filter((p) => p.atMs <= timeoutAt), { atMs: timeoutAt, account: "", action: "Timeout" as const }];
  for (const event of events) {
    if (end) break;
    // An answered call that reaches its longest duration ends before anything later happens.
    if (acceptMs !== null && acceptMs + timings.maxDurationMs < event.atMs) break;
    if (event.action === "Answer") {
      if (members.get(event.account) !== "Waiting") continue;
      members.set(event.account, "Calling");
      acceptMs ??= event.atMs;
      changes.push({ atMs: event.atMs, account: event.account, action: "Answer" });
    } else if (event.action === "Reject") {
      leave(event.account, "Reject", event.atMs);
    } else {
      for (const [user, status] of [...members]) if (!end && status === "Waiting") leave(user, "NotAnswer", event.atMs);
    }
  }
  const ended: { atMs: number; result: CallResult } = end ?? {
    atMs: acceptMs !== null ? acceptMs + timings.maxDurationMs : timeoutAt,
    result: acceptMs !== null ? "NormalEnd" : "NotAnswer",
  };
  return {
    callId: input.callId,
    caller: input.caller,
    callees: input.callees,
    mediaType: input.mediaType,
    // No room asked: the documented get_call_info sample answers "RoomId": "" and "RoomIdType": 0.
    roomId: input.roomId ?? "",
    roomIdType: input.roomIdType ?? 0,
    startMs,
    changes,
    acceptMs,
    endsAtMs: ended.atMs,
    result: ended.result,
    recordAtMs: ended.atMs + timings.recordDelayMs,
    hungUp: false,
  };
}

/**
 * The call at `nowMs`. With `changeCount`, the call just after that many of
 * its member changes (what a member-changed event shows, before any end).
 */
export function callAt(stored: StoredCall, nowMs: number, changeCount?: number): SimCall {
  const until = Math.min(nowMs, stored.endsAtMs);
  const members = new Map<string, MemberStatus>([[stored.caller, "Calling"], ...stored.callees.map((c) => [c, "Waiting"] as const)]);
  let applied = 0;
  for (const change of stored.changes) {
    if (change.atMs > until || (changeCount !== undefined && applied >= changeCount)) break;
    if (change.action === "Answer") members.set(change.account, "Calling");
    else members.delete(change.account);
    applied += 1;
  }
  const ended = changeCount === undefined && stored.endsAtMs <= nowMs;
  if (ended) members.clear();
  return {
    callId: stored.callId,
    caller: stored.caller,
    callees: stored.callees,
    mediaType: stored.mediaType,
    roomId: stored.roomId,
    roomIdType: stored.roomIdType,
    startTime: seconds(stored.startMs),
    acceptTime: stored.acceptMs !== null && stored.acceptMs <= until ? seconds(stored.acceptMs) : null,
    endTime: ended ? seconds(stored.endsAtMs) : null,
    result: ended ? stored.result : null,
    members,
  };
}

/** The calls of one simulated app, kept in a store, read at the simulator's clock. */
export class SimCalls {
  private lastSweepMs = Number.NEGATIVE_INFINITY;
  private sweepBacklog = false;

  constructor(
    readonly store: SimStore,
    private readonly timings: CallTimings,
    private readonly now: () => number,
    /** At most this many calls going at once. */
    private readonly maxLive: number,
    /** Expired calls deleted per sweep. */
    private readonly sweepBatch = 500,
  ) {}

  /** Plans and stores a new call; null when `maxLive` calls are going. */
  async start(input: StartInput): Promise<StoredCall | null> {
    const nowMs = this.now();
    await this.sweep(nowMs);
    const call = planCall(input, nowMs, this.timings);
    return (await this.store.insertCall(call, nowMs, this.maxLive)) ? call : null;
  }

  /**
   * Deletes calls past the retention, a bounded batch at a time: at most once
   * a minute, or at every start while the last batch came back full.
   */
  private async sweep(nowMs: number): Promise<void> {
    if (!this.sweepBacklog && nowMs - this.lastSweepMs < 60_000) return;
    this.lastSweepMs = nowMs;
    this.sweepBacklog = (await this.store.deleteExpired(nowMs - RETENTION_MS, this.sweepBatch)) >= this.sweepBatch;
  }

  /** The stored call, whatever its state (for the events of ./callbacks). */
  stored(callId: string): Promise<StoredCall | null> {
    return this.store.getCall(callId);
  }

  /** A call still going: its state now, or null (unknown, or ended). */
  async active(callId: string): Promise<{ stored: StoredCall; call: SimCall } | null> {
    const stored = await this.store.getCall(callId);
    const nowMs = this.now();
    return stored && stored.endsAtMs > nowMs ? { stored, call: callAt(stored, nowMs) } : null;
  }

  /**
   * end_call: the caller hangs up. False when the call ended in the meantime
   * (through another instance, or by itself): the store decides, atomically.
   */
  async end(stored: StoredCall): Promise<StoredCall | null> {
    const nowMs = this.now();
    const result: CallResult = stored.acceptMs !== null && stored.acceptMs <= nowMs ? "NormalEnd" : "Cancel";
    const end = { endsAtMs: nowMs, result, recordAtMs: nowMs + this.timings.recordDelayMs };
    return (await this.store.endCall(stored.callId, end)) ? { ...stored, ...end, hungUp: true } : null;
  }

  /** The record, once it exists and while it is kept. */
  async record(callId: string): Promise<SimCall | null> {
    const stored = await this.store.getCall(callId);
    const nowMs = this.now();
    if (!stored || stored.recordAtMs > nowMs || stored.startMs < nowMs - RETENTION_MS) return null;
    return callAt(stored, nowMs);
  }

  nowMs(): number {
    return this.now();
  }
}
