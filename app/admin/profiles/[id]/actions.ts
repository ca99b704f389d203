"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { getProfileSummary } from "@/lib/db/profiles";
import { AppError } from "@/lib/errors";
import { callbackConfig } from "@/lib/calls/callback-config";
import { rotateWebhookToken } from "@/lib/calls/webhook-tokens";
import { deleteCustomProfile, rotateProfileKey, testProfileConnection, updateCustomProfile } from "@/lib/calls/profile-admin";
import { profileIdSchema, rotateKeySchema, updateProfileSchema } from "@/lib/forms/profile-schema";
import { CALLBACK_COMMANDS } from "@/lib/tencent/webhooks";

/** The profile list shows names and destinations: refresh it after a change. */
const listChanged = <T>(data: T): T => {
  revalidatePath("/admin/profiles");
  return data;
};

export const updateProfileAction = guardedAction("profile.manage", updateProfileSchema, async ({ id, fields }, actor) =>
  listChanged(await updateCustomProfile(actor.db, id, fields, actor)),
);

export const rotateProfileKeyAction = guardedAction("profile.manage", rotateKeySchema, ({ id, secretKey }, actor) =>
  rotateProfileKey(actor.db, id, secretKey, actor),
);

export const deleteProfileAction = guardedAction("profile.manage", profileIdSchema, async ({ id }, actor) =>
  listChanged(await deleteCustomProfile(actor.db, id, actor)),
);

export const testProfileAction = guardedAction("profile.manage", profileIdSchema, ({ id }, actor) =>
  testProfileConnection(actor.db, id, actor),
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

/** Webhook configuration (get_callback, set_callback, delete_callback). */
export const callbackConfigAction = guardedAction("webhook.manage", callbackInput, (input, actor) =>
  callbackConfig(actor.db, input, actor),
);

/** A new webhook token for a profile; the old URL keeps working for the grace period. */
export const rotateWebhookTokenAction = guardedAction(
  "webhook.manage",
  z.object({ profileId: z.string().min(1).max(64) }),
  async ({ profileId }, actor) => {
    const profile = await getProfileSummary(actor.db, profileId);
    if (!profile) throw new AppError("not-found", "This profile no longer exists.");
    await rotateWebhookToken(actor.db, profile, actor);
    revalidatePath(`/admin/profiles/${profileId}`);
    return null;
  },
);
