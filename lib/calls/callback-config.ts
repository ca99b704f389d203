import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { AttemptView } from "@/lib/forms/attempt-view";
import type { Actor } from "@/lib/forms/roles";
import { COMMANDS } from "@/lib/tencent/commands";
import { sendCommand } from "./send";
import { toAttemptView } from "./views";

/** Where the Call Engine should post a profile's events: the receiver with its secret token (see webhook-tokens.ts). */
export { receiverUrlFor as receiverUrl } from "./webhook-tokens";

export interface CallbackConfigResult {
  attempt: AttemptView;
  config: { Url: string; CallbackCommandList: string[] } | null;
}

/** get_callback, set_callback or delete_callback for a profile; each is an attempt in history. */
export async function callbackConfig(
  db: Kysely<Database>,
  input: { profileId: string; operation: "get" | "delete" } | { profileId: string; operation: "set"; url: string; commands: string[] },
  actor: Actor,
): Promise<CallbackConfigResult> {
  const command =
    input.operation === "get" ? COMMANDS.getCallback : input.operation === "set" ? COMMANDS.setCallback : COMMANDS.deleteCallback;
  const body = input.operation === "set" ? { Url: input.url, CallbackCommandList: input.commands } : {};
  const result = await sendCommand(db, { profileId: input.profileId, command, body, operator: actor.user });
  const response = result.entry.response as { Response?: { Url?: unknown; CallbackCommandList?: unknown } } | null;
  const found = response?.Response;
  const config =
    found && typeof found.Url === "string" && Array.isArray(found.CallbackCommandList)
      ? { Url: found.Url, CallbackCommandList: found.CallbackCommandList.map(String) }
      : null;
  return { attempt: toAttemptView(result.entry), config };
}
