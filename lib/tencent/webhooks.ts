/**
 * The Call Engine's webhook events, read tolerantly: the documentation's
 * samples and tables disagree (MediaType or CallMediaType, ActionType words),
 * accounts may come as numbers, and a malformed field must never lose the
 * event. Problems are listed, not thrown.
 *
 * Numbers are read losslessly (lossless-json): the documented start sample
 * sends `"User_Account": 144115212830834855`, beyond 2^53, which JSON.parse
 * would round to ...854; a UserID that arrives as a number becomes its exact
 * decimal text.
 */
import { LosslessNumber, parse, parseLosslessNumber } from "lossless-json";

export const CALLBACK_COMMANDS = ["Call.CallbackAfterStartCall", "Call.CallbackAfterMemberChanged", "Call.CallbackAfterEndCall"] as const;
export type CallbackCommand = (typeof CALLBACK_COMMANDS)[number];

export const WEBHOOK_OK = { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 } as const;

export interface EventMember {
  account: string;
  status: string | null;
}

export interface ParsedCallEvent {
  kind: "started" | "member-changed" | "ended" | "unknown";
  callId: string | null;
  /** Milliseconds since the epoch, as Tencent sends EventTime. */
  eventTime: number | null;
  mediaType: string | null;
  members: EventMember[];
  changes: { account: string; action: string }[];
  callResult: string | null;
  problems: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof LosslessNumber);
/** A string as is; a number as the exact text it was sent as. */
const text = (v: unknown): string | null => (typeof v === "string" ? v : v instanceof LosslessNumber ? v.value : null);
/** The largest time a Date can hold, in ms. */
const MAX_TIME_MS = 8.64e15;
const num = (v: unknown): number | null => {
  const digits = v instanceof LosslessNumber ? v.value : typeof v === "string" ? v : "";
  const n = /^\d{1,16}$/.test(digits) ? Number(digits) : NaN;
  return Number.isSafeInteger(n) && n >= 0 && n <= MAX_TIME_MS ? n : null;
};

function members(list: unknown, field: string, problems: string[]): EventMember[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.push(`${field} is not a list`);
    return [];
  }
  return list.flatMap((item, i) => {
    const account = isObj(item) ? text(item.User_Account) : null;
    if (!account) {
      problems.push(`${field}[${i}].User_Account is missing`);
      return [];
    }
    return [{ account, status: isObj(item) ? (text(item.Status) ?? null) : null }];
  });
}

export function parseCallEvent(command: string, bodyText: string): ParsedCallEvent {
  const problems: string[] = [];
  const event: ParsedCallEvent = {
    kind: "unknown",
    callId: null,
    eventTime: null,
    mediaType: null,
    members: [],
    changes: [],
    callResult: null,
    problems,
  };
  let body: unknown;
  try {
    body = parse(bodyText, null, parseLosslessNumber);
  } catch {
    problems.push("the body is not JSON");
    return event;
  }
  if (!isObj(body)) {
    problems.push("the body is not a JSON object");
    return event;
  }
  event.eventTime = num(body.EventTime);
  if (body.EventTime !== undefined && event.eventTime === null) problems.push("EventTime is not a time in milliseconds");

  if (command === "Call.CallbackAfterStartCall") {
    event.kind = "started";
    const info = isObj(body.CallInfo) ? body.CallInfo : null;
    if (!info) problems.push("CallInfo is missing");
    event.callId = text(info?.CallId);
    event.mediaType = text(info?.MediaType) ?? text(info?.CallMediaType);
    event.members = members(body.UserList, "UserList", problems);
  } else if (command === "Call.CallbackAfterMemberChanged") {
    event.kind = "member-changed";
    event.callId = text(body.CallId);
    event.members = members(body.UserList, "UserList", problems);
    const changed = body.ChangedUserList;
    if (Array.isArray(changed)) {
      event.changes = changed.flatMap((item, i) => {
        const account = isObj(item) ? text(item.User_Account) : null;
        const action = isObj(item) ? text(item.ActionType) : null;
        if (!account) {
          problems.push(`ChangedUserList[${i}].User_Account is missing`);
          return [];
        }
        return [{ account, action: action ?? "unknown" }];
      });
    } else problems.push("ChangedUserList is missing");
  } else if (command === "Call.CallbackAfterEndCall") {
    event.kind = "ended";
    const record = isObj(body.CallRecord) ? body.CallRecord : null;
    if (!record) problems.push("CallRecord is missing");
    event.callId = text(record?.CallId);
    event.mediaType = text(record?.MediaType) ?? text(record?.CallMediaType);
    event.callResult = text(record?.CallResult);
  } else {
    problems.push(`unknown CallbackCommand ${command || "(none)"}`);
  }
  if (event.kind !== "unknown" && !event.callId) problems.push("CallId is missing");
  return event;
}
