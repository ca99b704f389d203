"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/actions/guarded-action";
import { createCustomProfile } from "@/lib/calls/profile-admin";
import { createProfileSchema } from "@/lib/forms/profile-schema";

export const createProfileAction = guardedAction("profile.manage", createProfileSchema, async ({ fields, secretKey }, actor) => {
  const created = await createCustomProfile(actor.db, fields, secretKey, actor);
  revalidatePath("/admin/profiles");
  return created;
});
