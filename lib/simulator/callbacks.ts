/**
 * The simulated app's webhook configuration (set_callback, get_callback,
 * delete_callback) and the posting of call events to it, as the Call Engine
 * does. Posting failures are dropped.
 */
import type { CallbackCommand } from "@/lib/tencent/webhooks";
import type { CallEvent } from "./calls";
import { toRecord } from "./records";

export interface CallbackConfig {
  Url: string;
  CallbackCommandList: CallbackCommand[];
}

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
  config: CallbackConfig | null = null;

  constructor(private readonly sdkAppId: number) {}

  /** Posts the event when the configuration asks for it. */
  post(event: CallEvent, eventTime: number): void {
    const target = this.config;
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
