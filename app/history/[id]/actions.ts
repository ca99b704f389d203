"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { followUpHandler, onCallSchema, onCallStatusSchema } from "@/lib/calls/call-commands";
import { moveProfileToRegion } from "@/lib/calls/profile-admin";
import { probeRegions } from "@/lib/calls/region-finder";
import { COMMANDS } from "@/lib/tencent/commands";
import { REGION_IDS } from "@/lib/tencent/regions";

/** Support staff may run it: each probe is a harmless read, and each is kept in history. */
export const findRegionAction = guardedAction("region.find", z.object({ entryId: z.string().min(1) }), ({ entryId }, actor) =>
  probeRegions(actor.db, entryId, actor),
);

export const moveProfileRegionAction = guardedAction(
  "region.move",
  z.object({ profileId: z.string().min(1), region: z.enum(REGION_IDS) }),
  async ({ profileId, region }, actor) => {
    await moveProfileToRegion(actor.db, profileId, region, actor);
    revalidatePath("/admin/profiles");
    return null;
  },
);

/** The controls of the call this entry belongs to (the same as on the call's page). */
export const endCallAction = guardedAction("call.end", onCallSchema, followUpHandler(COMMANDS.endCall));
export const callStatusAction = guardedAction("call.watch", onCallStatusSchema, followUpHandler(COMMANDS.getCallInfo));
export const callRecordAction = guardedAction("call.watch", onCallSchema, followUpHandler(COMMANDS.getRecordByCallId));
