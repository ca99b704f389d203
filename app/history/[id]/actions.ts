"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guards";
import { moveProfileToRegion } from "@/lib/calls/profile-admin";
import { orProfileRefusal } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { callCommandHandler, onEntrySchema } from "@/lib/calls/call-command-action";
import { probeRegions } from "@/lib/calls/region-finder";
import { COMMANDS } from "@/lib/tencent/commands";
import { REGION_IDS } from "@/lib/tencent/regions";

/** Support staff may run it: each probe is a harmless read, and each is kept in history. */
export const findRegionAction = guardedAction("viewer", z.object({ entryId: z.string().min(1) }), async ({ entryId }, actor) =>
  orProfileRefusal(async () => {
    const result = await probeRegions(await readyDb(), entryId, actor);
    return "error" in result ? { ok: false as const, formError: result.error } : { ok: true as const, data: result };
  }),
);

export const moveProfileRegionAction = guardedAction(
  "admin",
  z.object({ profileId: z.string().min(1), region: z.enum(REGION_IDS) }),
  async ({ profileId, region }, actor) => {
    const result = await moveProfileToRegion(await readyDb(), profileId, region, actor);
    if (result.ok) revalidatePath("/admin/profiles");
    return result;
  },
);

/** Hangs up the whole call: operators only. */
export const endCallAction = guardedAction("operator", onEntrySchema, callCommandHandler(COMMANDS.endCall));

/** Reads: support staff may use them. */
export const callStatusAction = guardedAction("viewer", onEntrySchema, callCommandHandler(COMMANDS.getCallInfo));
export const callRecordAction = guardedAction("viewer", onEntrySchema, callCommandHandler(COMMANDS.getRecordByCallId));
