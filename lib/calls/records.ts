import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { toCallRecordView, type RecordsPageView } from "@/lib/forms/call-record-view";
import type { Actor } from "@/lib/forms/roles";
import { COMMANDS } from "@/lib/tencent/commands";
import { nextRecordsPage } from "@/lib/tencent/paging";
import type { RecordFilterBody } from "@/lib/tencent/schemas/record-filter";
import { sendCommand } from "./send";
import { toAttemptView } from "./views";

export const RECORDS_PER_PAGE = 20;

export type RecordsPage = RecordsPageView;

/**
 * One page of get_record_by_filter (the last 7 days) for a profile; it is an
 * attempt in history. `nextPage` is the page after the one asked for, or 0.
 */
export async function browseRecords(
  db: Kysely<Database>,
  input: {
    profileId: string;
    page: number;
    /** NumberPerPage; RECORDS_PER_PAGE unless given. */
    perPage?: number;
    callResult?: RecordFilterBody["CallResult"];
    callType?: RecordFilterBody["CallType"];
    startTime?: number;
    endTime?: number;
  },
  actor: Actor,
  now = new Date(),
): Promise<RecordsPage> {
  const endTime = input.endTime ?? Math.floor(now.getTime() / 1000);
  const startTime = input.startTime ?? endTime - 7 * 86_400;
  const perPage = input.perPage ?? RECORDS_PER_PAGE;
  const body: RecordFilterBody = {
    StartTime: startTime,
    EndTime: endTime,
    NumberPerPage: perPage,
    Page: input.page,
    ...(input.callResult ? { CallResult: input.callResult } : {}),
    ...(input.callType ? { CallType: input.callType } : {}),
  };
  const result = await sendCommand(db, { profileId: input.profileId, command: COMMANDS.getRecordByFilter, body, operator: actor.user });
  const page = result.response;
  return {
    attempt: toAttemptView(result.entry),
    window: { startTime, endTime },
    total: page?.TotalNum ?? 0,
    // The page after the one asked for (the answer's Page is the page served, per the documented sample).
    nextPage: nextRecordsPage({ page: input.page, perPage }, page),
    records: page?.CallRecordList.map(toCallRecordView) ?? [],
  };
}
