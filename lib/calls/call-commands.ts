import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import { findCallStart } from "@/lib/db/calls";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { toCallRecordView } from "@/lib/forms/call-record-view";
import type { FollowUpView } from "@/lib/forms/call-view";
import type { Actor } from "@/lib/forms/roles";
import { COMMANDS } from "@/lib/tencent/commands";
import { callDetail } from "./calls";
import { sendCommand } from "./send";
import { toAttemptView } from "./views";

export type FollowUpCommand = typeof COMMANDS.endCall | typeof COMMANDS.getCallInfo | typeof COMMANDS.getRecordByCallId;

export type FollowUpResult = FollowUpView;

/**
 * end_call, get_call_info or get_record_by_callid for a call, with the
 * profile that started it. Each is an attempt in history that carries the
 * CallId, the robot and the callees of its call; status reads made by
 * watching are marked as background reads.
 */
export async function runFollowUp(
  db: Kysely<Database>,
  input: { callId: string; command: FollowUpCommand; background?: boolean },
  actor: Actor,
): Promise<FollowUpResult> {
  const start = await findCallStart(db, input.callId);
  if (!start?.call_id) throw new AppError("not-found", `No start in history gave the CallId ${input.callId}.`, { field: "callId" });
  if (!start.profile_id) throw new AppError("profile", "The profile that started this call has been deleted.");
  const send = {
    profileId: start.profile_id,
    body: { CallId: start.call_id },
    operator: actor.user,
    callId: start.call_id,
    robotAccount: start.robot_account,
    callees: start.callees,
  };
  const answered = async (attempt: Parameters<typeof toAttemptView>[0], extra: Pick<FollowUpView, "members" | "record">) => {
    const detail = await callDetail(db, start.call_id ?? input.callId);
    return { attempt: toAttemptView(attempt), ...extra, call: detail?.call ?? null };
  };
  if (input.command === COMMANDS.getCallInfo) {
    const result = await sendCommand(db, { ...send, command: COMMANDS.getCallInfo, background: input.background === true });
    const members = result.response?.UserList.map(({ User_Account, Status }) => ({ User_Account, Status }));
    return answered(result.entry, members ? { members } : {});
  }
  if (input.command === COMMANDS.getRecordByCallId) {
    const result = await sendCommand(db, { ...send, command: COMMANDS.getRecordByCallId });
    return answered(result.entry, result.response ? { record: toCallRecordView(result.response.CallRecord) } : {});
  }
  const result = await sendCommand(db, { ...send, command: COMMANDS.endCall });
  return answered(result.entry, {});
}

/** The input of the actions on one call (each route that offers them declares its own guarded action with these). */
export const onCallSchema = z.object({ callId: z.string().trim().min(1, "is required").max(128, "is not a CallId") });
export const onCallStatusSchema = onCallSchema.extend({ background: z.boolean().optional() });

/** The body of an end / status / record action, shared by the routes that offer it. */
export const followUpHandler =
  (command: FollowUpCommand) => (input: z.output<typeof onCallStatusSchema>, actor: Actor & { db: Kysely<Database> }) =>
    runFollowUp(actor.db, { callId: input.callId, command, background: input.background }, actor);
