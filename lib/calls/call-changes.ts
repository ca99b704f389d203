import "server-only";
import type { Kysely } from "kysely";
import { listEventCallIdsSince } from "@/lib/db/calls";
import type { Database } from "@/lib/db/schema";
import type { CallChangesView } from "@/lib/forms/call-view";

/**
 * How far back the feed looks. A browser polls it every second and acts on the
 * ids it has not seen, so the window only has to cover a missed poll, a commit
 * that lands after a later key was read, and the skew between instances' clocks.
 */
export const CHANGE_WINDOW_MS = 10_000;
/** A busy window is cut to its newest events; the views' own polling catches up on the rest. */
export const CHANGE_FEED_LIMIT = 500;

/**
 * Every instance writes webhook events to the one database and every view reads
 * from it, so this feed is the same whichever instance serves it.
 */
export async function callChanges(db: Kysely<Database>, now = new Date()): Promise<CallChangesView> {
  return { events: await listEventCallIdsSince(db, new Date(now.getTime() - CHANGE_WINDOW_MS), CHANGE_FEED_LIMIT) };
}
