/**
 * Paging get_record_by_filter. Tencent's sample (trtc.io/document/68931)
 * answers a request for "Page": 2 with "Page": 2 and says to increase Page by 1
 * for more, so the answer's Page is not read as the next page: the next page is
 * the one after the page asked for. Reading stops on a short page, an empty
 * list, or once TotalNum records have been read. The answer's Page is ignored,
 * so this works whether a service echoes the page or answers page + 1.
 */
export interface RecordsPageAnswer {
  TotalNum: number;
  CallRecordList: readonly unknown[];
}

/** The page to ask for after `asked` (1-based), or 0 when there is no more. */
export function nextRecordsPage(asked: { page: number; perPage: number }, answer: RecordsPageAnswer | null): number {
  if (!answer) return 0;
  const count = answer.CallRecordList.length;
  if (count === 0 || count < asked.perPage) return 0;
  const read = (asked.page - 1) * asked.perPage + count;
  return read >= answer.TotalNum ? 0 : asked.page + 1;
}
