import "server-only";
import type { Kysely } from "kysely";
import { findRecentStarts, type HistoryEntry } from "@/lib/db/requests";
import type { Database } from "@/lib/db/schema";
import { COMMANDS } from "@/lib/tencent/commands";
import type { StartCallBody } from "@/lib/tencent/schemas/start-call";
import { sendCommand, type SendCommandResult } from "./send";

/** Starts a call from a robot account. The body has already passed startCallBodySchema. */
export async function startCall(
  db: Kysely<Database>,
  input: { profileId: string; body: StartCallBody; clientToken: string | null; operator: { id: string; email: string } | null },
): Promise<SendCommandResult> {
  return sendCommand(db, {
    profileId: input.profileId,
    command: COMMANDS.startCallByRobot,
    body: input.body,
    clientToken: input.clientToken,
    operator: input.operator,
    robotAccount: input.body.Robot_Account,
    callees: input.body.CalleeList_Account,
  });
}

/** How far back an identical start makes the form ask before ringing the same callees again. */
export const DUPLICATE_WINDOW_MINUTES = 5;

/**
 * The latest start in the last few minutes with the same profile, robot and
 * callees (in any order), if there is one.
 */
export async function findDuplicateStart(
  db: Kysely<Database>,
  input: { profileId: string; body: StartCallBody },
  now = new Date(),
): Promise<HistoryEntry | null> {
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_MINUTES * 60_000);
  const key = (callees: string[]) => [...callees].sort().join("\n");
  const wanted = key(input.body.CalleeList_Account);
  const recent = await findRecentStarts(db, {
    command: COMMANDS.startCallByRobot,
    profileId: input.profileId,
    robotAccount: input.body.Robot_Account,
    since,
  });
  return recent.find((entry) => key(entry.callees) === wanted) ?? null;
}
