"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/guards";
import { createCustomProfile } from "@/lib/calls/profile-admin";
import { readyDb } from "@/lib/calls/ready";
import { createProfileSchema } from "@/lib/forms/profile-schema";

export const createProfileAction = guardedAction("admin", createProfileSchema, async ({ fields, secretKey }, actor) => {
  const result = await createCustomProfile(await readyDb(), fields, secretKey, actor);
  if (result.ok) revalidatePath("/admin/profiles");
  return result;
});
