"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { callCommandHandler, onEntrySchema } from "@/lib/calls/call-command-action";
import { moveProfileToRegion } from "@/lib/calls/profile-admin";
import { probeRegions } from "@/lib/calls/region-finder";
import { COMMANDS } from "@/lib/tencent/commands";
import { REGION_IDS } from "@/lib/tencent/regions";

/** Support staff may run it: each probe is a harmless read, and each is kept in history. */
export const findRegionAction = guardedAction("region.find", onEntrySchema, ({ entryId }, actor) => probeRegions(actor.db, entryId, actor));

export const moveProfileRegionAction = guardedAction(
  "region.move",
  z.object({ profileId: z.string().min(1), region: z.enum(REGION_IDS) }),
  async ({ profileId, region }, actor) => {
    await moveProfileToRegion(actor.db, profileId, region, actor);
    revalidatePath("/admin/profiles");
    return null;
  },
);

/** Hangs up the whole call. */
export const endCallAction = guardedAction("call.end", onEntrySchema, callCommandHandler(COMMANDS.endCall));

/** Reads: support staff may use them. */
export const callStatusAction = guardedAction("call.watch", onEntrySchema, callCommandHandler(COMMANDS.getCallInfo));
export const callRecordAction = guardedAction("call.watch", onEntrySchema, callCommandHandler(COMMANDS.getRecordByCallId));
