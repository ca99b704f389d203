import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { AttemptView } from "@/lib/forms/attempt-view";
import type { CallbackConfigView } from "@/lib/forms/call-record-view";
import type { Actor } from "@/lib/forms/roles";
import { COMMANDS } from "@/lib/tencent/commands";
import type { CallbackCommand } from "@/lib/tencent/webhooks";
import { sendCommand } from "./send";
import { toAttemptView } from "./views";

/** Where the Call Engine should post a profile's events: the receiver with its secret token (see webhook-tokens.ts). */
export { receiverUrlFor as receiverUrl } from "./webhook-tokens";

export interface CallbackConfigResult {
  attempt: AttemptView;
  config: CallbackConfigView | null;
}

type CallbackInput =
  { profileId: string; operation: "get" | "delete" } | { profileId: string; operation: "set"; url: string; commands: CallbackCommand[] };

/** get_callback, set_callback or delete_callback for a profile; each is an attempt in history. */
export async function callbackConfig(db: Kysely<Database>, input: CallbackInput, actor: Actor): Promise<CallbackConfigResult> {
  const operator = actor.user;
  const { profileId } = input;
  if (input.operation === "get") {
    const result = await sendCommand(db, { profileId, command: COMMANDS.getCallback, body: {}, operator });
    const found = result.response;
    return {
      attempt: toAttemptView(result.entry),
      config: found ? { Url: found.Url, CallbackCommandList: found.CallbackCommandList } : null,
    };
  }
  const result =
    input.operation === "set"
      ? await sendCommand(db, {
          profileId,
          command: COMMANDS.setCallback,
          body: { Url: input.url, CallbackCommandList: input.commands },
          operator,
        })
      : await sendCommand(db, { profileId, command: COMMANDS.deleteCallback, body: {}, operator });
  return { attempt: toAttemptView(result.entry), config: null };
}
