"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { moveProfileToRegion } from "@/lib/calls/profile-admin";
import { probeRegions } from "@/lib/calls/region-finder";
import { REGION_IDS } from "@/lib/tencent/regions";

const onEntry = z.object({ entryId: z.string().min(1) });

/** Support staff may run it: each probe is a harmless read, and each is kept in history. */
export const findRegionAction = guardedAction("region.find", onEntry, ({ entryId }, actor) => probeRegions(actor.db, entryId, actor));

export const moveProfileRegionAction = guardedAction(
  "region.move",
  z.object({ profileId: z.string().min(1), region: z.enum(REGION_IDS) }),
  async ({ profileId, region }, actor) => {
    await moveProfileToRegion(actor.db, profileId, region, actor);
    revalidatePath("/admin/profiles");
    return null;
  },
);
