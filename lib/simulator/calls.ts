/**
 * The simulator's calls: who rings, who answered, how each call ended, and
 * its record, which appears a few seconds after the end as in the real service.
 */
import { matchMagic } from "./magic-accounts";

export type MemberStatus = "Calling" | "Waiting";
export type CallResult = "Cancel" | "Reject" | "NotAnswer" | "NormalEnd" | "CallBusy" | "Interrupt";

export interface SimCall {
  callId: string;
  caller: string;
  callees: string[];
  mediaType: "Audio" | "Video";
  /** "" when the start named no room. */
  roomId: string;
  /** 0 when the start did not say (as the get_call_info sample answers a call without a room). */
  roomIdType: 0 | 1 | 2;
  /** Unix seconds. */
  startTime: number;
  acceptTime: number | null;
  endTime: number | null;
  result: CallResult | null;
  /** Members still in the call: the caller is Calling; a callee is Waiting while it rings, Calling once it answered. */
  members: Map<string, MemberStatus>;
  /** Callees that rejected or did not answer. */
  gone: Map<string, "Reject" | "NotAnswer">;
}

export interface CallTimings {
  answerMs: number;
  rejectMs: number;
  /** A record exists this long after the end (101050 before). */
  recordDelayMs: number;
  /** An answered call the caller never ends is hung up after this long. */
  maxDurationMs: number;
}

/** Records are kept 7 days, as documented; the simulator also forgets calls past that, and keeps at most this many. */
const RETENTION_MS = 7 * 24 * 3_600_000;
const MAX_CALLS = 10_000;

export const DEFAULT_TIMINGS: CallTimings = { answerMs: 2_000, rejectMs: 1_000, recordDelayMs: 5_000, maxDurationMs: 10 * 60_000 };

export type CallEvent =
  | { kind: "started"; call: SimCall }
  | { kind: "member-changed"; call: SimCall; changed: { account: string; action: string }[] }
  | { kind: "ended"; call: SimCall };

export class SimCalls {
  private readonly calls = new Map<string, SimCall>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>[]>();

  constructor(
    private readonly timings: CallTimings,
    private readonly now: () => number,
    /** Told of each start, member change and end (the simulator posts them as webhooks). */
    private readonly onEvent: (event: CallEvent) => void = () => {},
  ) {}

  private later(callId: string, ms: number, run: () => void): void {
    const timer = setTimeout(run, ms);
    timer.unref?.();
    this.timers.set(callId, [...(this.timers.get(callId) ?? []), timer]);
  }

  start(input: {
    callId: string;
    caller: string;
    callees: string[];
    mediaType: "Audio" | "Video";
    roomId?: string;
    roomIdType?: 1 | 2;
    timeoutMs: number;
  }): SimCall {
    const call: SimCall = {
      callId: input.callId,
      caller: input.caller,
      callees: input.callees,
      mediaType: input.mediaType,
      // No room asked: the documented get_call_info sample answers "RoomId": "" and "RoomIdType": 0.
      roomId: input.roomId ?? "",
      roomIdType: input.roomIdType ?? 0,
      startTime: Math.floor(this.now() / 1000),
      acceptTime: null,
      endTime: null,
      result: null,
      members: new Map([[input.caller, "Calling"], ...input.callees.map((c) => [c, "Waiting"] as const)]),
      gone: new Map(),
    };
    this.forgetOld();
    this.calls.set(call.callId, call);
    for (const callee of input.callees) {
      const magic = matchMagic(callee);
      if (magic === "sim-answers") this.later(call.callId, this.timings.answerMs, () => this.answer(call, callee));
      else if (magic === "sim-rejects") this.later(call.callId, this.timings.rejectMs, () => this.leave(call, callee, "Reject"));
    }
    this.onEvent({ kind: "started", call });
    // Whoever still rings when the Timeout runs out did not answer.
    this.later(call.callId, input.timeoutMs, () => {
      for (const [user, status] of call.members) if (status === "Waiting") this.leave(call, user, "NotAnswer");
    });
    return call;
  }

  /** Drops ended calls older than the retention, and the oldest ended ones beyond MAX_CALLS. */
  private forgetOld(): void {
    const cutoff = this.now() - RETENTION_MS;
    for (const [id, call] of this.calls) if (call.endTime !== null && call.startTime * 1000 < cutoff) this.calls.delete(id);
    for (const [id, call] of this.calls) {
      if (this.calls.size < MAX_CALLS) break;
      if (call.endTime !== null) this.calls.delete(id);
    }
  }

  get(callId: string): SimCall | undefined {
    return this.calls.get(callId);
  }

  /** An active call (not ended). */
  active(callId: string): SimCall | undefined {
    const call = this.calls.get(callId);
    return call && call.endTime === null ? call : undefined;
  }

  /** The record, once it exists. */
  record(callId: string): SimCall | undefined {
    const call = this.calls.get(callId);
    if (!call || call.endTime === null) return undefined;
    const now = this.now();
    return now >= call.endTime * 1000 + this.timings.recordDelayMs && now < call.startTime * 1000 + RETENTION_MS ? call : undefined;
  }

  records(): SimCall[] {
    return [...this.calls.values()].filter((c) => this.record(c.callId)).sort((a, b) => b.startTime - a.startTime);
  }

  private answer(call: SimCall, callee: string): void {
    if (call.endTime !== null || call.members.get(callee) !== "Waiting") return;
    call.members.set(callee, "Calling");
    call.acceptTime ??= Math.floor(this.now() / 1000);
    this.onEvent({ kind: "member-changed", call, changed: [{ account: callee, action: "Answer" }] });
    this.later(call.callId, this.timings.maxDurationMs, () => this.end(call, "NormalEnd"));
  }

  private leave(call: SimCall, callee: string, why: "Reject" | "NotAnswer"): void {
    if (call.endTime !== null || call.members.get(callee) !== "Waiting") return;
    call.members.delete(callee);
    call.gone.set(callee, why);
    this.onEvent({ kind: "member-changed", call, changed: [{ account: callee, action: why }] });
    const stillThere = call.callees.some((c) => call.members.has(c));
    if (!stillThere)
      this.end(
        call,
        call.acceptTime !== null ? "NormalEnd" : [...call.gone.values()].every((g) => g === "Reject") ? "Reject" : "NotAnswer",
      );
  }

  /** Ends a call: hung up by the caller (end_call), or because nobody is left. */
  end(call: SimCall, result?: CallResult): void {
    if (call.endTime !== null) return;
    call.endTime = Math.floor(this.now() / 1000);
    call.result = result ?? (call.acceptTime !== null ? "NormalEnd" : "Cancel");
    call.members.clear();
    this.onEvent({ kind: "ended", call });
    for (const timer of this.timers.get(call.callId) ?? []) clearTimeout(timer);
    this.timers.delete(call.callId);
  }
}
