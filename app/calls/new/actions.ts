"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { checkCallees } from "@/lib/calls/callee-check";
import { followUpHandler, onCallSchema, onCallStatusSchema } from "@/lib/calls/call-commands";
import { startCallOnce } from "@/lib/calls/start-call";
import { saveTemplateHandler, saveTemplateSchema } from "@/lib/calls/templates";
import { toAttemptView } from "@/lib/calls/views";
import { invalidInput } from "@/lib/errors";
import { fieldErrorsFrom } from "@/lib/forms/action-result";
import type { StartCallResult } from "@/lib/forms/attempt-view";
import { COMMANDS } from "@/lib/tencent/commands";
import { ACCOUNT_CHECK_MAX } from "@/lib/tencent/schemas/callee-check";
import { startCallBodySchema } from "@/lib/tencent/schemas/start-call";
import { userIdSchema } from "@/lib/tencent/schemas/user-id";

const inputSchema = z.object({
  profileId: z.string({ error: "choose the app profile to send with" }).min(1, "choose the app profile to send with"),
  clientToken: z.uuid({ error: "the form's submission token is missing; reload the page" }),
  // Checked below with the API's own schema, so its errors keep the API's field paths.
  body: z.unknown(),
  /** Set when the operator saw the duplicate warning and chose to send anyway. */
  confirmDuplicate: z.boolean().optional(),
});

/** Starts a robot call: validates again on the server, records, signs, sends, records the outcome. */
export const startCallAction = guardedAction(
  "call.start",
  inputSchema,
  async (envelope, { user, db }): Promise<StartCallResult> => {
    const body = startCallBodySchema.safeParse(envelope.body);
    if (!body.success) throw invalidInput(fieldErrorsFrom(body.error));
    const started = await startCallOnce(
      db,
      { profileId: envelope.profileId, body: body.data, clientToken: envelope.clientToken, operator: { id: user.id, email: user.email } },
      { confirmDuplicate: envelope.confirmDuplicate ?? false },
    );
    if (started.status === "confirm") {
      return { status: "confirm", previous: toAttemptView(started.previous), windowMinutes: started.windowMinutes };
    }
    const { result } = started;
    return { status: "sent", attempt: toAttemptView(result.entry), duplicate: result.duplicate, unrecorded: result.unrecorded ?? false };
  },
  { fault: "The console could not record or send this request. Nothing was sent. See the server log." },
);

/** The result panel's controls for the call just started (the same as on its history entry). */
export const endCallAction = guardedAction("call.end", onCallSchema, followUpHandler(COMMANDS.endCall));
export const callStatusAction = guardedAction("call.watch", onCallStatusSchema, followUpHandler(COMMANDS.getCallInfo));
export const callRecordAction = guardedAction("call.watch", onCallSchema, followUpHandler(COMMANDS.getRecordByCallId));

/** Saves the form as a template (the templates page offers rename and delete). */
export const saveTemplateAction = guardedAction("template.manage", saveTemplateSchema, saveTemplateHandler);

const calleeCheckSchema = z.object({
  profileId: z.string({ error: "choose the app profile to check with" }).min(1, "choose the app profile to check with"),
  userIds: z
    .array(userIdSchema, { error: "must be a list of UserIDs" })
    .min(1, "needs at least one UserID")
    .max(ACCOUNT_CHECK_MAX, `must list at most ${ACCOUNT_CHECK_MAX} UserIDs`),
});

/** Checks the form's callees (imported? online?) before they ring; never blocks a start. */
export const checkCalleesAction = guardedAction("callee.check", calleeCheckSchema, (input, actor) => checkCallees(actor.db, input, actor));
