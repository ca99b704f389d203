import "server-only";
import type { Kysely } from "kysely";
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
