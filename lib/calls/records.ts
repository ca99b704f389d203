import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { AttemptView } from "@/lib/forms/attempt-view";
import type { CallRecordView } from "@/lib/forms/call-record-view";
import type { Actor } from "@/lib/forms/roles";
import { COMMANDS } from "@/lib/tencent/commands";
import { sendCommand } from "./send";
import { toAttemptView } from "./views";

export const RECORDS_PER_PAGE = 20;

export interface RecordsPage {
  attempt: AttemptView;
  /** The 7-day window this browse uses (unix s): later pages ask the same window. */
  window: { startTime: number; endTime: number };
  total: number;
  /** The next page's number, or 0 when this was the last. */
  nextPage: number;
  records: CallRecordView[];
}

/** One page of get_record_by_filter (the last 7 days) for a profile; it is an attempt in history. */
export async function browseRecords(
  db: Kysely<Database>,
  input: { profileId: string; page: number; callResult?: string; callType?: string; startTime?: number; endTime?: number },
  actor: Actor,
  now = new Date(),
): Promise<RecordsPage> {
  const endTime = input.endTime ?? Math.floor(now.getTime() / 1000);
  const startTime = input.startTime ?? endTime - 7 * 86_400;
  const body = {
    StartTime: startTime,
    EndTime: endTime,
    NumberPerPage: RECORDS_PER_PAGE,
    Page: input.page,
    ...(input.callResult ? { CallResult: input.callResult } : {}),
    ...(input.callType ? { CallType: input.callType } : {}),
  };
  const result = await sendCommand(db, { profileId: input.profileId, command: COMMANDS.getRecordByFilter, body, operator: actor.user });
  const payload = (result.entry.response as { Response?: { TotalNum?: unknown; Page?: unknown; CallRecordList?: unknown } } | null)
    ?.Response;
  return {
    attempt: toAttemptView(result.entry),
    window: { startTime, endTime },
    total: typeof payload?.TotalNum === "number" ? payload.TotalNum : 0,
    nextPage: typeof payload?.Page === "number" ? payload.Page : 0,
    records: Array.isArray(payload?.CallRecordList) ? (payload.CallRecordList as CallRecordView[]) : [],
  };
}
