import type { CallMember, CallRecord } from "@/lib/tencent/commands/responses";
import type { AttemptView } from "./attempt-view";

/** A call record as the browser shows it: the documented fields only (see callRecordSchema). */
export type CallRecordView = Pick<
  CallRecord,
  "CallId" | "Caller_Account" | "CalleeList_Account" | "MediaType" | "CallType" | "StartTime" | "AcceptTime" | "EndTime" | "CallResult"
>;

/** A member of a live call (get_call_info's UserList): Status is Calling or Waiting. */
export type CallMemberView = Pick<CallMember, "User_Account" | "Status">;

/** What end_call, get_call_info and get_record_by_callid return to the browser. */
export interface CallCommandView {
  attempt: AttemptView;
  /** get_call_info answered: who is in the call. */
  members?: CallMemberView[];
  /** get_record_by_callid answered: the record. */
  record?: CallRecordView;
}

/** One page of get_record_by_filter for the records browser. */
export interface RecordsPageView {
  attempt: AttemptView;
  /** The 7-day window this browse uses (unix s): later pages ask the same window. */
  window: { startTime: number; endTime: number };
  total: number;
  /** The next page's number, or 0 when this was the last. */
  nextPage: number;
  records: CallRecordView[];
}

/** get_callback's answer, as the webhook settings show it. */
export interface CallbackConfigView {
  Url: string;
  CallbackCommandList: string[];
}

export function toCallRecordView(record: CallRecord): CallRecordView {
  const { CallId, Caller_Account, CalleeList_Account, MediaType, CallType, StartTime, AcceptTime, EndTime, CallResult } = record;
  return { CallId, Caller_Account, CalleeList_Account, MediaType, CallType, StartTime, AcceptTime, EndTime, CallResult };
}
