import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "@/lib/db/schema";
import type { Actor } from "@/lib/forms/roles";
import { runCallCommand, type CallCommand } from "./call-lifecycle";

/** The input of the actions on the call a history entry started. */
export const onEntrySchema = z.object({ entryId: z.string().min(1) });

/**
 * The body of an end / status / record action, shared by the routes that offer
 * them (the entry's page, and the new-call page's result panel): each route
 * declares its own guarded action with it.
 */
export const callCommandHandler =
  (command: CallCommand) =>
  ({ entryId }: z.output<typeof onEntrySchema>, actor: Actor & { db: Kysely<Database> }) =>
    runCallCommand(actor.db, { entryId, command }, actor);
