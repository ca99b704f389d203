"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { guardedAction } from "@/lib/auth/guards";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/passwords";
import { changeRole, createUser, issueResetLink, setDisabled } from "@/lib/auth/user-admin";
import { ROLES } from "@/lib/forms/roles";

const role = z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` });

const createUserSchema = z
  .object({
    email: z.email("must be an email address").max(254),
    role,
    mode: z.enum(["invite", "password"]),
    password: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.mode === "password" && (value.password ?? "").length < PASSWORD_MIN_LENGTH) {
      ctx.addIssue({ code: "custom", path: ["password"], message: `must be at least ${PASSWORD_MIN_LENGTH} characters` });
    }
    if ((value.password ?? "").length > PASSWORD_MAX_LENGTH) {
      ctx.addIssue({ code: "custom", path: ["password"], message: `must be at most ${PASSWORD_MAX_LENGTH} characters` });
    }
  });

const done = <T>(result: T) => {
  revalidatePath("/admin/users");
  return result;
};

export const createUserAction = guardedAction("admin", createUserSchema, async (input, actor) =>
  done(
    await createUser(
      await getDb(),
      { email: input.email, role: input.role, password: input.mode === "password" ? input.password : undefined },
      actor,
    ),
  ),
);

export const changeUserRoleAction = guardedAction("admin", z.object({ userId: z.string().min(1), role }), async (input, actor) =>
  done(await changeRole(await getDb(), input.userId, input.role, actor)),
);

export const setUserDisabledAction = guardedAction(
  "admin",
  z.object({ userId: z.string().min(1), disabled: z.boolean() }),
  async (input, actor) => done(await setDisabled(await getDb(), input.userId, input.disabled, actor)),
);

export const issueResetLinkAction = guardedAction("admin", z.object({ userId: z.string().min(1) }), async (input, actor) =>
  issueResetLink(await getDb(), input.userId, actor),
);
