"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { runFollowUp } from "@/lib/calls/call-commands";
import { COMMANDS } from "@/lib/tencent/commands";

const onCall = z.object({ callId: z.string().trim().min(1, "is required").max(128, "is not a CallId") });

/** Hangs up the whole call. */
export const endCallAction = guardedAction("call.end", onCall, ({ callId }, actor) =>
  runFollowUp(actor.db, { callId, command: COMMANDS.endCall }, actor),
);

/** Reads: support staff may use them. A read made by watching (`background`) is hidden from the history list by default. */
export const callStatusAction = guardedAction("call.watch", onCall.extend({ background: z.boolean().optional() }), (input, actor) =>
  runFollowUp(actor.db, { callId: input.callId, command: COMMANDS.getCallInfo, background: input.background }, actor),
);
export const callRecordAction = guardedAction("call.watch", onCall, ({ callId }, actor) =>
  runFollowUp(actor.db, { callId, command: COMMANDS.getRecordByCallId }, actor),
);
