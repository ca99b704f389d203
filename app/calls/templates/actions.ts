"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { removeTemplate, renameTemplate, saveTemplateHandler, saveTemplateSchema } from "@/lib/calls/templates";

const id = z.string().regex(/^[0-9A-Z]{26}$/, "is not a template id");
const name = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

/** Saves the form as a named template, or (with an id) replaces that template's body and profile. */
export const saveTemplateAction = guardedAction("template.manage", saveTemplateSchema, saveTemplateHandler);

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
