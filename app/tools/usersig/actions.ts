"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { USERSIG_MAX_EXPIRE_SECONDS, generateUserSig, inspectUserSig } from "@/lib/calls/usersig-tools";
import { userIdSchema } from "@/lib/tencent/schemas/user-id";

const inspectSchema = z.object({
  userSig: z.string().max(4096, "is longer than any UserSig"),
  profileId: z.string().optional(),
});

export const inspectUserSigAction = guardedAction("usersig.inspect", inspectSchema, (input, { db }) =>
  inspectUserSig(db, { userSig: input.userSig, profileId: input.profileId || undefined }),
);

const generateSchema = z.object({
  profileId: z.string().min(1, "choose a profile"),
  identifier: userIdSchema,
  expireSeconds: z.coerce
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(60, "must be at least 60 seconds")
    .max(USERSIG_MAX_EXPIRE_SECONDS, `must be at most ${USERSIG_MAX_EXPIRE_SECONDS} seconds (180 days)`),
});

export const generateUserSigAction = guardedAction("usersig.generate", generateSchema, (input, actor) =>
  generateUserSig(actor.db, input, actor),
);
