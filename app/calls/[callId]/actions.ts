"use server";

import { guardedAction } from "@/lib/actions/guarded-action";
import { followUpHandler, onCallSchema, onCallStatusSchema } from "@/lib/calls/call-commands";
import { COMMANDS } from "@/lib/tencent/commands";

/** Hangs up the whole call. */
export const endCallAction = guardedAction("call.end", onCallSchema, followUpHandler(COMMANDS.endCall));

/** Reads: support staff may use them. A read made by watching (`background`) is hidden from the history list by default. */
export const callStatusAction = guardedAction("call.watch", onCallStatusSchema, followUpHandler(COMMANDS.getCallInfo));
export const callRecordAction = guardedAction("call.watch", onCallSchema, followUpHandler(COMMANDS.getRecordByCallId));
