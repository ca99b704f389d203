import { z } from "zod";
import { CALLBACK_COMMANDS } from "../webhooks";

/** The set_callback body: one URL per SDKAppID and the events to post to it. */
export const setCallbackBodySchema = z.strictObject(
  {
    Url: z
      .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
      .regex(/^https?:\/\/\S+$/, "must be an http(s) URL"),
    CallbackCommandList: z
      .array(z.enum(CALLBACK_COMMANDS, { error: `must be one of ${CALLBACK_COMMANDS.join(", ")}` }), {
        error: "must be a list of CallbackCommands",
      })
      .min(1, "needs at least one CallbackCommand"),
  },
  { error: "must be a JSON object" },
);

export type SetCallbackBody = z.output<typeof setCallbackBodySchema>;

/** get_callback and delete_callback take no fields; the body is still `{}`. */
export const emptyBodySchema = z.strictObject({}, { error: "must be a JSON object" });
