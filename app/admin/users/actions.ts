"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
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

/** The user list shows roles and states: refresh it after a change. */
const listChanged = <T>(data: T): T => {
  revalidatePath("/admin/users");
  return data;
};

export const createUserAction = guardedAction("user.manage", createUserSchema, async (input, actor) =>
  listChanged(
    await createUser(
      actor.db,
      { email: input.email, role: input.role, password: input.mode === "password" ? input.password : undefined },
      actor,
    ),
  ),
);

export const changeUserRoleAction = guardedAction("user.manage", z.object({ userId: z.string().min(1), role }), async (input, actor) =>
  listChanged(await changeRole(actor.db, input.userId, input.role, actor)),
);

export const setUserDisabledAction = guardedAction(
  "user.manage",
  z.object({ userId: z.string().min(1), disabled: z.boolean() }),
  async (input, actor) => listChanged(await setDisabled(actor.db, input.userId, input.disabled, actor)),
);

export const issueResetLinkAction = guardedAction("user.manage", z.object({ userId: z.string().min(1) }), (input, actor) =>
  issueResetLink(actor.db, input.userId, actor),
);
