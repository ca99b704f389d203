import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import { auditBy } from "@/lib/db/audit";
import { getProfileSummary, listProfiles } from "@/lib/db/profiles";
import type { Database } from "@/lib/db/schema";
import {
  deleteTemplate,
  findTemplateByName,
  getTemplate,
  insertTemplate,
  listTemplates,
  updateTemplate,
  type TemplateRow,
} from "@/lib/db/templates";
import { AppError, invalidInput } from "@/lib/errors";
import { describeFieldErrors, fieldErrorsFrom } from "@/lib/forms/action-result";
import type { Actor } from "@/lib/forms/roles";
import type { TemplateView } from "@/lib/forms/template-view";
import { startCallBodySchema } from "@/lib/tencent/schemas/start-call";

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Checked on every load against today's rules: a template saved under older rules says what no longer holds. */
function toView(row: TemplateRow, profileIds: Set<string>): TemplateView {
  const body = parseBody(row.body);
  const parsed = startCallBodySchema.safeParse(body);
  return {
    id: row.id,
    name: row.name,
    profileId: row.profile_id,
    profileName: row.profile_name,
    profileExists: row.profile_id !== null && profileIds.has(row.profile_id),
    body,
    owner: row.owner_email,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    problems: parsed.success ? [] : describeFieldErrors(fieldErrorsFrom(parsed.error)),
  };
}

export async function templateViews(db: Kysely<Database>): Promise<TemplateView[]> {
  const [rows, profiles] = await Promise.all([listTemplates(db), listProfiles(db)]);
  const ids = new Set(profiles.map((p) => p.id));
  return rows.map((row) => toView(row, ids));
}

export async function templateView(db: Kysely<Database>, id: string): Promise<TemplateView | undefined> {
  if (!/^[0-9A-Z]{26}$/.test(id)) return undefined;
  const row = await getTemplate(db, id);
  if (!row) return undefined;
  const profile = row.profile_id ? await getProfileSummary(db, row.profile_id) : undefined;
  return toView(row, new Set(profile ? [profile.id] : []));
}

const cleanName = (name: string) => name.trim();

/** Saves the form as a named template (or replaces one's body and profile): the body must pass today's rules. */
export async function saveTemplate(
  db: Kysely<Database>,
  input: { id?: string; name: string; profileId: string; body: unknown },
  actor: Actor,
): Promise<{ id: string }> {
  const body = startCallBodySchema.safeParse(input.body);
  if (!body.success) throw invalidInput(fieldErrorsFrom(body.error, ["body"]));
  const profile = await getProfileSummary(db, input.profileId);
  if (!profile) throw new AppError("profile", "This profile does not exist (any more): choose another.", { field: "profileId" });
  const name = cleanName(input.name);
  const clash = await findTemplateByName(db, name);
  if (clash && clash.id !== input.id) throw new AppError("conflict", `A template is already named “${name}”.`, { field: "name" });
  const fields = { name, profile_id: profile.id, profile_name: profile.name, body: JSON.stringify(body.data) };
  let id = input.id;
  if (id) {
    if (!(await updateTemplate(db, id, fields, actor.user.email))) throw new AppError("not-found", "This template has been deleted.");
  } else {
    id = await insertTemplate(db, {
      name,
      profileId: profile.id,
      profileName: profile.name,
      body: fields.body,
      owner: { id: actor.user.id, email: actor.user.email },
    });
  }
  await auditBy(
    db,
    actor,
    input.id ? "template.updated" : "template.created",
    { type: "template", id, label: name },
    { profile: profile.name },
  );
  return { id };
}

export async function renameTemplate(db: Kysely<Database>, input: { id: string; name: string }, actor: Actor): Promise<null> {
  const name = cleanName(input.name);
  const clash = await findTemplateByName(db, name);
  if (clash && clash.id !== input.id) throw new AppError("conflict", `A template is already named “${name}”.`, { field: "name" });
  if (!(await updateTemplate(db, input.id, { name }, actor.user.email))) throw new AppError("not-found", "This template has been deleted.");
  return null;
}

export async function removeTemplate(db: Kysely<Database>, id: string, actor: Actor): Promise<null> {
  const row = await getTemplate(db, id);
  if (!row || !(await deleteTemplate(db, id))) throw new AppError("not-found", "This template has been deleted already.");
  await auditBy(db, actor, "template.deleted", { type: "template", id, label: row.name });
  return null;
}

const templateId = z.string().regex(/^[0-9A-Z]{26}$/, "is not a template id");
const templateName = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

/** The input of "save as template" (with an id: replace that template's body and profile); each route that offers it declares its own action. */
export const saveTemplateSchema = z.object({
  id: templateId.optional(),
  name: templateName,
  profileId: z.string().min(1, "choose the app profile"),
  body: z.unknown(),
});

export const saveTemplateHandler = (input: z.output<typeof saveTemplateSchema>, actor: Actor & { db: Kysely<Database> }) =>
  saveTemplate(actor.db, input, actor);
