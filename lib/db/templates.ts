import type { Kysely } from "kysely";
import { ulid } from "ulid";
import type { CallTemplatesTable, Database } from "./schema";

export type TemplateRow = CallTemplatesTable;

export async function listTemplates(db: Kysely<Database>): Promise<TemplateRow[]> {
  return db.selectFrom("call_templates").selectAll().orderBy("name").limit(500).execute();
}

export async function getTemplate(db: Kysely<Database>, id: string): Promise<TemplateRow | undefined> {
  return db.selectFrom("call_templates").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findTemplateByName(db: Kysely<Database>, name: string): Promise<TemplateRow | undefined> {
  return db.selectFrom("call_templates").selectAll().where("name", "=", name).executeTakeFirst();
}

export async function insertTemplate(
  db: Kysely<Database>,
  input: { name: string; profileId: string; profileName: string; body: string; owner: { id: string; email: string } },
): Promise<string> {
  const id = ulid();
  const now = new Date().toISOString();
  await db
    .insertInto("call_templates")
    .values({
      id,
      name: input.name,
      profile_id: input.profileId,
      profile_name: input.profileName,
      body: input.body,
      owner_id: input.owner.id,
      owner_email: input.owner.email,
      updated_by: input.owner.email,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function updateTemplate(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Pick<TemplateRow, "name" | "profile_id" | "profile_name" | "body">>,
  by: string,
): Promise<boolean> {
  const result = await db
    .updateTable("call_templates")
    .set({ ...changes, updated_by: by, updated_at: new Date().toISOString() })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteTemplate(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom("call_templates").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
