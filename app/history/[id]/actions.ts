"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guards";
import { moveProfileToRegion } from "@/lib/calls/profile-admin";
import { readyDb } from "@/lib/calls/ready";
import { probeRegions } from "@/lib/calls/region-finder";
import { REGION_IDS } from "@/lib/tencent/regions";

/** Support staff may run it: each probe is a harmless read, and each is kept in history. */
export const findRegionAction = guardedAction("viewer", z.object({ entryId: z.string().min(1) }), async ({ entryId }, actor) => {
  const result = await probeRegions(await readyDb(), entryId, actor);
  return "error" in result ? { ok: false, formError: result.error } : { ok: true, data: result };
});

export const moveProfileRegionAction = guardedAction(
  "admin",
  z.object({ profileId: z.string().min(1), region: z.enum(REGION_IDS) }),
  async ({ profileId, region }, actor) => {
    const result = await moveProfileToRegion(await readyDb(), profileId, region, actor);
    if (result.ok) revalidatePath("/admin/profiles");
    return result;
  },
);
