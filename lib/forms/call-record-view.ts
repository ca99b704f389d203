/** A call record as get_record_by_callid and get_record_by_filter describe it. */
export interface CallRecordView {
  CallId: string;
  Caller_Account: string;
  CalleeList_Account: string[];
  MediaType: string;
  CallType: string;
  StartTime: number;
  AcceptTime: number;
  EndTime: number;
  CallResult: string;
}
