/** Call records as get_record_by_callid, get_record_by_filter and the end-of-call webhook describe them. */
import { callAt, RETENTION_MS, type SimCall, type SimCalls } from "./calls";
import { callTypeOf } from "./store";

export function toRecord(call: SimCall) {
  return {
    CallId: call.callId,
    Caller_Account: call.caller,
    // The documented samples list the caller first among CalleeList_Account.
    CalleeList_Account: [call.caller, ...call.callees],
    MediaType: call.mediaType,
    CallType: callTypeOf(call.callees),
    StartTime: call.startTime,
    AcceptTime: call.acceptTime ?? 0,
    EndTime: call.endTime ?? 0,
    CallResult: call.result ?? "Cancel",
    RoomId: call.roomId,
    RoomIdType: call.roomIdType,
  };
}

const SQL_INT_MAX = 2 ** 31 - 1;

export type SimRecord = ReturnType<typeof toRecord>;

export interface RecordFilter {
  StartTime?: number;
  EndTime?: number;
  NumberPerPage: number;
  Page: number;
  CallResult?: string;
  CallType?: string;
}

/** Records of the last 7 days, newest first, filtered and paged like the real service (in the store). */
export async function filterRecords(calls: SimCalls, filter: RecordFilter) {
  const nowMs = calls.nowMs();
  // StartTime and EndTime are unix seconds: a record matches when its StartTime (whole seconds) is within them.
  const weekAgo = Math.floor(nowMs / 1000 - RETENTION_MS / 1000) * 1000;
  const { NumberPerPage: size, Page: page } = filter;
  const { total, calls: slice } = await calls.store.records({
    nowMs,
    fromMs: Math.max(weekAgo, (filter.StartTime ?? 0) * 1000),
    toMs: filter.EndTime === undefined ? undefined : (filter.EndTime + 1) * 1000,
    callResult: filter.CallResult,
    callType: filter.CallType,
    // Huge pages ask past any stored record: kept within what SQL takes as an integer.
    offset: Math.min((page - 1) * size, SQL_INT_MAX),
    limit: Math.min(size, SQL_INT_MAX),
  });
  // As the documented sample: the answer's Page is the page served ("When Page > 0, there is data"), 0 when it is empty.
  return { TotalNum: total, Page: slice.length > 0 ? page : 0, CallRecordList: slice.map((c) => toRecord(callAt(c, nowMs))) };
}
