"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/auth/guards";
import { errorMessage, log } from "@/lib/log";
import { ProfileError } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { startCallOnce } from "@/lib/calls/start-call";
import { toAttemptView } from "@/lib/calls/views";
import { fieldErrorsFrom, type ActionResult } from "@/lib/forms/action-result";
import type { StartCallResult } from "@/lib/forms/attempt-view";
import { startCallBodySchema } from "@/lib/tencent/schemas/start-call";

const inputSchema = z.object({
  profileId: z.string({ error: "choose the app profile to send with" }).min(1, "choose the app profile to send with"),
  clientToken: z.uuid({ error: "the form's submission token is missing; reload the page" }),
  body: z.unknown(),
  /** Set when the operator saw the duplicate warning and chose to send anyway. */
  confirmDuplicate: z.boolean().optional(),
});

/** Starts a robot call: validates again on the server, records, signs, sends, records the outcome. */
export const startCallAction = guardedAction(
  "operator",
  inputSchema,
  async (envelope, { user }): Promise<ActionResult<StartCallResult>> => {
    const body = startCallBodySchema.safeParse(envelope.body);
    if (!body.success) return { ok: false, fieldErrors: fieldErrorsFrom(body.error) };
    try {
      const db = await readyDb();
      const started = await startCallOnce(
        db,
        { profileId: envelope.profileId, body: body.data, clientToken: envelope.clientToken, operator: { id: user.id, email: user.email } },
        { confirmDuplicate: envelope.confirmDuplicate ?? false },
      );
      if (started.status === "confirm") {
        return { ok: true, data: { status: "confirm", previous: toAttemptView(started.previous), windowMinutes: started.windowMinutes } };
      }
      const { result } = started;
      return {
        ok: true,
        data: { status: "sent", attempt: toAttemptView(result.entry), duplicate: result.duplicate, unrecorded: result.unrecorded ?? false },
      };
    } catch (error) {
      if (error instanceof ProfileError) return { ok: false, fieldErrors: { profileId: [error.message] } };
      log.error("start-call.failed", { error: errorMessage(error) });
      return { ok: false, formError: "The console could not record or send this request. Nothing was sent. See the server log." };
    }
  },
);
