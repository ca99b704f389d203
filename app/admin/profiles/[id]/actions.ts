"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guards";
import { callbackConfig } from "@/lib/calls/callback-config";
import { orProfileRefusal } from "@/lib/calls/profiles";
import { CALLBACK_COMMANDS } from "@/lib/tencent/webhooks";
import { deleteCustomProfile, rotateProfileKey, testProfileConnection, updateCustomProfile } from "@/lib/calls/profile-admin";
import { readyDb } from "@/lib/calls/ready";
import { profileIdSchema, rotateKeySchema, updateProfileSchema } from "@/lib/forms/profile-schema";

export const updateProfileAction = guardedAction("admin", updateProfileSchema, async ({ id, fields }, actor) => {
  const result = await updateCustomProfile(await readyDb(), id, fields, actor);
  if (result.ok) revalidatePath("/admin/profiles");
  return result;
});

export const rotateProfileKeyAction = guardedAction("admin", rotateKeySchema, async ({ id, secretKey }, actor) =>
  rotateProfileKey(await readyDb(), id, secretKey, actor),
);

export const deleteProfileAction = guardedAction("admin", profileIdSchema, async ({ id }, actor) => {
  const result = await deleteCustomProfile(await readyDb(), id, actor);
  if (result.ok) revalidatePath("/admin/profiles");
  return result;
});

export const testProfileAction = guardedAction("admin", profileIdSchema, async ({ id }, actor) =>
  orProfileRefusal(async () => ({ ok: true, data: await testProfileConnection(await readyDb(), id, actor) })),
);

const callbackInput = z.discriminatedUnion("operation", [
  z.object({ profileId: z.string().min(1), operation: z.literal("get") }),
  z.object({ profileId: z.string().min(1), operation: z.literal("delete") }),
  z.object({
    profileId: z.string().min(1),
    operation: z.literal("set"),
    url: z.string().regex(/^https?:\/\/\S+$/, "must be an http(s) URL"),
    commands: z.array(z.enum(CALLBACK_COMMANDS)).min(1, "choose at least one event"),
  }),
]);

/** Webhook configuration (get_callback, set_callback, delete_callback): admins. */
export const callbackConfigAction = guardedAction("admin", callbackInput, async (input, actor) =>
  orProfileRefusal(async () => ({ ok: true, data: await callbackConfig(await readyDb(), input, actor) })),
);
