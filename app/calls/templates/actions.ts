"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { removeTemplate, renameTemplate, saveTemplate } from "@/lib/calls/templates";

const id = z.string().regex(/^[0-9A-Z]{26}$/, "is not a template id");
const name = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

/** Saves the form as a named template, or (with an id) replaces that template's body and profile. */
export const saveTemplateAction = guardedAction(
  "template.manage",
  z.object({ id: id.optional(), name, profileId: z.string().min(1, "choose the app profile"), body: z.unknown() }),
  async (input, actor) => {
    const saved = await saveTemplate(actor.db, input, actor);
    revalidatePath("/calls/templates");
    return saved;
  },
);

export const renameTemplateAction = guardedAction("template.manage", z.object({ id, name }), async (input, actor) => {
  await renameTemplate(actor.db, input, actor);
  revalidatePath("/calls/templates");
  return null;
});

export const deleteTemplateAction = guardedAction("template.manage", z.object({ id }), async (input, actor) => {
  await removeTemplate(actor.db, input.id, actor);
  revalidatePath("/calls/templates");
  return null;
});
