import "server-only";
import type { Kysely } from "kysely";
import { getRequest } from "@/lib/db/requests";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { AttemptView } from "@/lib/forms/attempt-view";
import type { Actor } from "@/lib/forms/roles";
import { COMMANDS } from "@/lib/tencent/commands";
import { sendCommand } from "./send";
import { toAttemptView } from "./views";

export type CallCommand = typeof COMMANDS.endCall | typeof COMMANDS.getCallInfo | typeof COMMANDS.getRecordByCallId;

export interface CallCommandResult {
  attempt: AttemptView;
  /** The answer's Response object, when there was one. */
  payload: unknown;
}

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
  const result = await sendCommand(db, {
    profileId: entry.profile_id,
    command: input.command,
    body: { CallId: entry.call_id },
    operator: actor.user,
  });
  const response = result.entry.response as { Response?: unknown } | null;
  return { attempt: toAttemptView(result.entry), payload: response && typeof response === "object" ? (response.Response ?? null) : null };
}
