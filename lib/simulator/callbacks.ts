/**
 * The posting of call events to the URL set_callback configured (kept in the
 * store, so every instance posts to it), as the Call Engine does. Posting
 * failures are dropped.
 *
 * Who posts what: the instance that takes a start posts its start event at
 * once and, when the configuration asks for them, sets one timer per moment a
 * member changes or the call ends by itself; each timer reads the call again
 * from the store when it fires and posts only what still happened (a call
 * hung up in the meantime through another instance posts nothing more). The
 * instance that takes an end_call posts that end. If the starting instance
 * stops, the call's later events are not posted (the call itself, its state
 * and its record are unaffected: they come from the store).
 */
import type { CallbackCommand } from "@/lib/tencent/webhooks";
import { callAt, type SimCall, type SimCalls } from "./calls";
import { toRecord } from "./records";
import type { CallbackConfig, StoredCall } from "./store";

export type CallEvent =
  | { kind: "started"; call: SimCall }
  | { kind: "member-changed"; call: SimCall; changed: { account: string; action: string }[] }
  | { kind: "ended"; call: SimCall };

const COMMAND_OF: Record<CallEvent["kind"], CallbackCommand> = {
  started: "Call.CallbackAfterStartCall",
  "member-changed": "Call.CallbackAfterMemberChanged",
  ended: "Call.CallbackAfterEndCall",
};

/** The documented body of each event; like the samples, it names its CallbackCommand. */
function eventBody(event: CallEvent, eventTime: number): unknown {
  const { call } = event;
  const CallbackCommand = COMMAND_OF[event.kind];
  const userList = [...call.members].map(([User_Account, Status]) => ({ User_Account, Status }));
  switch (event.kind) {
    case "started":
      return {
        CallbackCommand,
        CallInfo: { CallId: call.callId, MediaType: call.mediaType, ChatGroupId: "", RoomId: call.roomId, RoomIdType: call.roomIdType },
        UserList: userList,
        EventTime: eventTime,
      };
    case "member-changed":
      return {
        CallbackCommand,
        CallId: call.callId,
        UserList: userList,
        ChangedUserList: event.changed.map((c) => ({ User_Account: c.account, ActionType: c.action })),
        EventTime: eventTime,
      };
    case "ended":
      return { CallbackCommand, CallRecord: toRecord(call), EventTime: eventTime };
  }
}

export class CallbackTarget {
  constructor(
    private readonly sdkAppId: number,
    private readonly calls: SimCalls,
  ) {}

  /** A new call: its start event now, and timers for what follows when those events are asked for. */
  async started(stored: StoredCall): Promise<void> {
    const config = await this.calls.store.getCallback(this.sdkAppId);
    if (!config) return;
    await this.post({ kind: "started", call: callAt(stored, stored.startMs) }, stored.startMs, config);
    const wanted = config.CallbackCommandList;
    if (!wanted.includes(COMMAND_OF["member-changed"]) && !wanted.includes(COMMAND_OF.ended)) return;
    const moments = new Set([...stored.changes.map((c) => c.atMs), stored.endsAtMs]);
    for (const atMs of moments) {
      const timer = setTimeout(() => void this.at(stored.callId, atMs).catch(() => undefined), Math.max(0, atMs - this.calls.nowMs()));
      timer.unref?.();
    }
  }

  /** The caller hung up (end_call). */
  async hungUp(stored: StoredCall): Promise<void> {
    await this.post({ kind: "ended", call: callAt(stored, stored.endsAtMs) }, stored.endsAtMs);
  }

  /** What happened to a call at one moment, read again from the store. */
  private async at(callId: string, atMs: number): Promise<void> {
    const stored = await this.calls.stored(callId);
    if (!stored || atMs > stored.endsAtMs) return;
    for (const [i, change] of stored.changes.entries()) {
      if (change.atMs !== atMs) continue;
      const changed = [{ account: change.account, action: change.action }];
      await this.post({ kind: "member-changed", call: callAt(stored, atMs, i + 1), changed }, atMs);
    }
    if (atMs === stored.endsAtMs && !stored.hungUp) await this.post({ kind: "ended", call: callAt(stored, atMs) }, atMs);
  }

  /** Posts the event when the configuration (read now unless given) asks for it. */
  private async post(event: CallEvent, eventTime: number, config?: CallbackConfig): Promise<void> {
    const target = config ?? (await this.calls.store.getCallback(this.sdkAppId));
    const command = COMMAND_OF[event.kind];
    if (!target || !target.CallbackCommandList.includes(command)) return;
    const query = new URLSearchParams({
      SdkAppid: String(this.sdkAppId),
      CallbackCommand: command,
      contenttype: "json",
      ClientIP: "127.0.0.1",
      OptPlatform: "RESTAPI",
    });
    const url = `${target.Url}${target.Url.includes("?") ? "&" : "?"}${query.toString()}`;
    void fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(eventBody(event, eventTime)),
      signal: AbortSignal.timeout(3_000),
    }).catch(() => undefined);
  }
}
