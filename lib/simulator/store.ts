/**
 * What the simulator keeps between requests, as an interface its caller
 * supplies: the console hands it one built on its database (lib/calls/sim-store),
 * so that every instance answers for every call and a restart forgets nothing.
 * A call is stored once, at its start, with the times at which each callee
 * answers, rejects or stops ringing and at which it ends if nobody hangs up
 * (./calls plans them); its state at any moment is derived from those times
 * when it is read. Only end_call changes a stored call.
 */
import type { CallbackCommand } from "@/lib/tencent/webhooks";

export type CallResult = "Cancel" | "Reject" | "NotAnswer" | "NormalEnd" | "CallBusy" | "Interrupt";

/** A callee's answer, rejection, or ringing out at the Timeout, at a time (ms since the epoch). */
export interface MemberChange {
  atMs: number;
  account: string;
  action: "Answer" | "Reject" | "NotAnswer";
}

export interface StoredCall {
  callId: string;
  caller: string;
  callees: string[];
  mediaType: "Audio" | "Video";
  /** "" when the start named no room. */
  roomId: string;
  /** 0 when the start did not say (as the get_call_info sample answers a call without a room). */
  roomIdType: 0 | 1 | 2;
  startMs: number;
  /** In time order; those after `endsAtMs` never happened. */
  changes: MemberChange[];
  /** The first answer (null: nobody answers); it counts when it is not after `endsAtMs`. */
  acceptMs: number | null;
  /** The call is going while the clock is before this. */
  endsAtMs: number;
  result: CallResult;
  /** get_record_by_callid finds it from this moment (about 5 s after the end). */
  recordAtMs: number;
  /** Ended by end_call (not by its members). */
  hungUp: boolean;
}

export interface CallEnd {
  endsAtMs: number;
  result: CallResult;
  recordAtMs: number;
}

/** get_record_by_filter's question, in milliseconds; `toMs` is exclusive. */
export interface RecordQuery {
  nowMs: number;
  fromMs: number;
  toMs?: number;
  callResult?: string;
  callType?: string;
  offset: number;
  limit: number;
}

export interface CallbackConfig {
  Url: string;
  CallbackCommandList: CallbackCommand[];
}

export interface SimStore {
  /** Stores a new call unless `maxLive` calls are still going at `nowMs` (false then), atomically. */
  insertCall(call: StoredCall, nowMs: number, maxLive: number): Promise<boolean>;
  getCall(callId: string): Promise<StoredCall | null>;
  /** Ends a call still going at `end.endsAtMs`; false when it had ended already or never existed. */
  endCall(callId: string, end: CallEnd): Promise<boolean>;
  /** Calls whose record exists at `nowMs`, matching the query, newest start first; `total` counts them all. */
  records(query: RecordQuery): Promise<{ total: number; calls: StoredCall[] }>;
  /** Deletes at most `limit` calls started before `beforeMs` (long ended); answers how many went. */
  deleteExpired(beforeMs: number, limit: number): Promise<number>;
  getCallback(sdkAppId: number): Promise<CallbackConfig | null>;
  setCallback(sdkAppId: number, config: CallbackConfig): Promise<void>;
  /** False when there was none. */
  deleteCallback(sdkAppId: number): Promise<boolean>;
}

/** SingleCall or MultiCall, as the record names it. */
export const callTypeOf = (callees: string[]) => (callees.length > 1 ? "MultiCall" : "SingleCall");

/** The store of one process: for unit tests and scripts (a console instance uses its database). */
export class MemorySimStore implements SimStore {
  private readonly calls = new Map<string, StoredCall>();
  private readonly callbacks = new Map<number, CallbackConfig>();

  get size(): number {
    return this.calls.size;
  }

  insertCall(call: StoredCall, nowMs: number, maxLive: number): Promise<boolean> {
    let live = 0;
    for (const c of this.calls.values()) if (c.endsAtMs > nowMs) live += 1;
    if (live >= maxLive) return Promise.resolve(false);
    this.calls.set(call.callId, structuredClone(call));
    return Promise.resolve(true);
  }

  getCall(callId: string): Promise<StoredCall | null> {
    const call = this.calls.get(callId);
    return Promise.resolve(call ? structuredClone(call) : null);
  }

  endCall(callId: string, end: CallEnd): Promise<boolean> {
    const call = this.calls.get(callId);
    if (!call || call.endsAtMs <= end.endsAtMs) return Promise.resolve(false);
    Object.assign(call, end, { hungUp: true });
    return Promise.resolve(true);
  }

  records(q: RecordQuery): Promise<{ total: number; calls: StoredCall[] }> {
    const matching = [...this.calls.values()]
      .filter((c) => c.recordAtMs <= q.nowMs && c.startMs >= q.fromMs && (q.toMs === undefined || c.startMs < q.toMs))
      .filter((c) => q.callResult === undefined || c.result === q.callResult)
      .filter((c) => q.callType === undefined || callTypeOf(c.callees) === q.callType)
      .sort((a, b) => b.startMs - a.startMs || (a.callId < b.callId ? 1 : -1));
    const calls = matching.slice(q.offset, q.offset + q.limit).map((c) => structuredClone(c));
    return Promise.resolve({ total: matching.length, calls });
  }

  deleteExpired(beforeMs: number, limit: number): Promise<number> {
    let deleted = 0;
    for (const [id, call] of this.calls) {
      if (deleted >= limit) break;
      if (call.startMs < beforeMs && call.endsAtMs <= beforeMs) {
        this.calls.delete(id);
        deleted += 1;
      }
    }
    return Promise.resolve(deleted);
  }

  getCallback(sdkAppId: number): Promise<CallbackConfig | null> {
    const config = this.callbacks.get(sdkAppId);
    return Promise.resolve(config ? structuredClone(config) : null);
  }

  setCallback(sdkAppId: number, config: CallbackConfig): Promise<void> {
    this.callbacks.set(sdkAppId, structuredClone(config));
    return Promise.resolve();
  }

  deleteCallback(sdkAppId: number): Promise<boolean> {
    return Promise.resolve(this.callbacks.delete(sdkAppId));
  }
}
