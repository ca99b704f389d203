import "server-only";
import type { Kysely } from "kysely";
import { StartClaimedError, type HistoryEntry } from "@/lib/db/requests";
import type { Database } from "@/lib/db/schema";
import { startClaimKey } from "@/lib/db/start-claims";
import { COMMANDS } from "@/lib/tencent/commands";
import type { StartCallBody } from "@/lib/tencent/schemas/start-call";
import { sendCommand, type SendCommandResult } from "./send";

export interface StartCallInput {
  profileId: string;
  body: StartCallBody;
  clientToken: string | null;
  operator: { id: string; email: string } | null;
}

/** Starts a call from a robot account. The body has already passed startCallBodySchema. */
export async function startCall(
  db: Kysely<Database>,
  input: StartCallInput,
  claim?: { atMs: number; force: boolean },
): Promise<SendCommandResult> {
  return sendCommand(db, {
    profileId: input.profileId,
    command: COMMANDS.startCallByRobot,
    body: input.body,
    clientToken: input.clientToken,
    operator: input.operator,
    robotAccount: input.body.Robot_Account,
    callees: input.body.CalleeList_Account,
    claim: claim && {
      key: startClaimKey({ profileId: input.profileId, robotAccount: input.body.Robot_Account, callees: input.body.CalleeList_Account }),
      atMs: claim.atMs,
      windowMs: DUPLICATE_WINDOW_MINUTES * 60_000,
      force: claim.force,
      clientToken: input.clientToken,
    },
  });
}

/** How far back an identical start makes the form ask before ringing the same callees again. */
export const DUPLICATE_WINDOW_MINUTES = 5;

export type StartOnceResult =
  { status: "sent"; result: SendCommandResult } | { status: "confirm"; previous: HistoryEntry; windowMinutes: number };

/**
 * Starts a call unless the same profile, robot and callees (in any order) were
 * started in the last few minutes by another submission: then nothing is sent
 * and the earlier attempt is returned, to ask first. The check and the claim
 * are one atomic step with writing the attempt (lib/db/start-claims.ts), so
 * of identical starts arriving together at any number of instances, exactly
 * one is sent. A confirmed start is sent and becomes the latest claim. A
 * resubmission of the same form (same token) returns its first attempt unsent.
 */
export async function startCallOnce(
  db: Kysely<Database>,
  input: StartCallInput,
  options: { confirmDuplicate: boolean; now?: Date },
): Promise<StartOnceResult> {
  try {
    const result = await startCall(db, input, { atMs: (options.now ?? new Date()).getTime(), force: options.confirmDuplicate });
    return { status: "sent", result };
  } catch (error) {
    if (error instanceof StartClaimedError) {
      return { status: "confirm", previous: error.previous, windowMinutes: DUPLICATE_WINDOW_MINUTES };
    }
    throw error;
  }
}
