import "server-only";
import type { Kysely } from "kysely";
import { findCallStart } from "@/lib/db/calls";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
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
  const result = await sendCommand(db, {
    profileId: start.profile_id,
    command: input.command,
    body: { CallId: start.call_id },
    operator: actor.user,
    callId: start.call_id,
    robotAccount: start.robot_account,
    callees: start.callees,
    background: input.command === COMMANDS.getCallInfo && input.background === true,
  });
  const response = result.entry.response as { Response?: unknown } | null;
  const detail = await callDetail(db, start.call_id);
  return {
    attempt: toAttemptView(result.entry),
    payload: response && typeof response === "object" ? (response.Response ?? null) : null,
    call: detail?.call ?? null,
  };
}
