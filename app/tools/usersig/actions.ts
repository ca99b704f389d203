"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/auth/guards";
import { ProfileError } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { USERSIG_MAX_EXPIRE_SECONDS, generateUserSig, inspectUserSig } from "@/lib/calls/usersig-tools";
import { userIdSchema } from "@/lib/tencent/schemas/user-id";

const inspectSchema = z.object({
  userSig: z.string().max(4096, "is longer than any UserSig"),
  profileId: z.string().optional(),
});

export const inspectUserSigAction = guardedAction("viewer", inspectSchema, async (input) => {
  try {
    return { ok: true, data: await inspectUserSig(await readyDb(), { userSig: input.userSig, profileId: input.profileId || undefined }) };
  } catch (error) {
    if (error instanceof ProfileError) return { ok: false, fieldErrors: { profileId: [error.message] } };
    throw error;
  }
});

const generateSchema = z.object({
  profileId: z.string().min(1, "choose a profile"),
  identifier: userIdSchema,
  expireSeconds: z.coerce
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(60, "must be at least 60 seconds")
    .max(USERSIG_MAX_EXPIRE_SECONDS, `must be at most ${USERSIG_MAX_EXPIRE_SECONDS} seconds (180 days)`),
});

export const generateUserSigAction = guardedAction("admin", generateSchema, async (input, actor) => {
  try {
    return { ok: true, data: await generateUserSig(await readyDb(), input, actor) };
  } catch (error) {
    if (error instanceof ProfileError) return { ok: false, fieldErrors: { profileId: [error.message] } };
    throw error;
  }
});
