"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guards";
import { readyDb } from "@/lib/calls/ready";
import { rotateWebhookToken } from "@/lib/calls/webhook-tokens";
import { getProfileSummary } from "@/lib/db/profiles";

/** A new webhook token for a profile; the old URL keeps working for the grace period. Admins. */
export const rotateWebhookTokenAction = guardedAction("admin", z.object({ profileId: z.string().min(1).max(64) }), async (input, actor) => {
  const db = await readyDb();
  const profile = await getProfileSummary(db, input.profileId);
  if (!profile) return { ok: false, formError: "This profile no longer exists." };
  await rotateWebhookToken(db, profile, actor);
  revalidatePath(`/admin/profiles/${input.profileId}`);
  return { ok: true, data: null };
});
