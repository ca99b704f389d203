import "server-only";
import type { Kysely } from "kysely";
import { getRequest } from "@/lib/db/requests";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { toCallRecordView, type CallCommandView } from "@/lib/forms/call-record-view";
import type { Actor } from "@/lib/forms/roles";
import { COMMANDS } from "@/lib/tencent/commands";
import { sendCommand } from "./send";
import { toAttemptView } from "./views";

export type CallCommand = typeof COMMANDS.endCall | typeof COMMANDS.getCallInfo | typeof COMMANDS.getRecordByCallId;

export type CallCommandResult = CallCommandView;

/**
 * end_call, get_call_info or get_record_by_callid for the call a history entry
 * started, with that entry's profile. Each is an attempt in history.
 */
export async function runCallCommand(
  db: Kysely<Database>,
  input: { entryId: string; command: CallCommand },
  actor: Actor,
): Promise<CallCommandResult> {
  const entry = await getRequest(db, input.entryId);
  if (!entry) throw new AppError("not-found", "This history entry does not exist.");
  if (!entry.call_id) throw new AppError("invalid-input", "This history entry started no call (it has no CallId).");
  if (!entry.profile_id) throw new AppError("profile", "The profile that started this call has been deleted.");
  const send = { profileId: entry.profile_id, body: { CallId: entry.call_id }, operator: actor.user };
  if (input.command === COMMANDS.getCallInfo) {
    const result = await sendCommand(db, { ...send, command: COMMANDS.getCallInfo });
    const members = result.response?.UserList.map(({ User_Account, Status }) => ({ User_Account, Status }));
    return { attempt: toAttemptView(result.entry), ...(members ? { members } : {}) };
  }
  if (input.command === COMMANDS.getRecordByCallId) {
    const result = await sendCommand(db, { ...send, command: COMMANDS.getRecordByCallId });
    const record = result.response ? toCallRecordView(result.response.CallRecord) : undefined;
    return { attempt: toAttemptView(result.entry), ...(record ? { record } : {}) };
  }
  const result = await sendCommand(db, { ...send, command: COMMANDS.endCall });
  return { attempt: toAttemptView(result.entry) };
}
