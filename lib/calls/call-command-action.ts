import "server-only";
import { z } from "zod";
import type { ActionResult } from "@/lib/forms/action-result";
import type { Actor } from "@/lib/forms/roles";
import { runCallCommand, type CallCommand, type CallCommandResult } from "./call-lifecycle";
import { orProfileRefusal } from "./profiles";
import { readyDb } from "./ready";

/** The input of the actions on the call a history entry started. */
export const onEntrySchema = z.object({ entryId: z.string().min(1) });

/**
 * The body of an end / status / record action, shared by the routes that offer
 * them (the entry's page, and the new-call page's result panel): each route
 * declares its own guarded action with it.
 */
export const callCommandHandler =
  (command: CallCommand) =>
  async ({ entryId }: z.output<typeof onEntrySchema>, actor: Actor): Promise<ActionResult<CallCommandResult>> =>
    orProfileRefusal(async () => {
      const result = await runCallCommand(await readyDb(), { entryId, command }, actor);
      return "error" in result ? { ok: false as const, formError: result.error } : { ok: true as const, data: result };
    });
