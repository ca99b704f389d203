/** Call records as get_record_by_callid, get_record_by_filter and the end-of-call webhook describe them. */
import type { SimCall } from "./calls";

export function toRecord(call: SimCall) {
  return {
    CallId: call.callId,
    Caller_Account: call.caller,
    // The documented samples list the caller first among CalleeList_Account.
    CalleeList_Account: [call.caller, ...call.callees],
    MediaType: call.mediaType,
    CallType: call.callees.length > 1 ? "MultiCall" : "SingleCall",
    StartTime: call.startTime,
    AcceptTime: call.acceptTime ?? 0,
    EndTime: call.endTime ?? 0,
    CallResult: call.result ?? "Cancel",
    RoomId: call.roomId,
    RoomIdType: call.roomIdType,
  };
}

export type SimRecord = ReturnType<typeof toRecord>;

export interface RecordFilter {
  StartTime?: number;
  EndTime?: number;
  NumberPerPage: number;
  Page: number;
  CallResult?: string;
  CallType?: string;
}

/** Records of the last 7 days, newest first, filtered and paged like the real service. */
export function filterRecords(calls: SimCall[], filter: RecordFilter, nowSeconds: number) {
  const weekAgo = Math.floor(nowSeconds - 7 * 86_400);
  const matching = calls
    .map(toRecord)
    .filter((r) => r.StartTime >= Math.max(weekAgo, filter.StartTime ?? 0))
    .filter((r) => filter.EndTime === undefined || r.StartTime <= filter.EndTime)
    .filter((r) => filter.CallResult === undefined || r.CallResult === filter.CallResult)
    .filter((r) => filter.CallType === undefined || r.CallType === filter.CallType);
  const { NumberPerPage: size, Page: page } = filter;
  const slice = matching.slice((page - 1) * size, page * size);
  // As the documented sample: the answer's Page is the page served ("When Page > 0, there is data"), 0 when it is empty.
  return { TotalNum: matching.length, Page: slice.length > 0 ? page : 0, CallRecordList: slice };
}
