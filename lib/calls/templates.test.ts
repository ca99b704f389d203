import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProfile, deleteProfile } from "@/lib/db/profiles";
import { AppError } from "@/lib/errors";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { removeTemplate, renameTemplate, saveTemplate, templateView, templateViews } from "./templates";

const actor = { user: { id: "u1", email: "op@example.test" }, ip: "127.0.0.1" };
const body = { Robot_Account: "robot", CalleeList_Account: ["alice"], Timeout: 30000, CallInfo: { MediaType: "Audio" } };

describe.each(DIALECTS)("call templates on $name", (dialect) => {
  let t: TestDatabase;
  let profileId: string;
  beforeAll(async () => {
    t = await dialect.open();
    profileId = await createProfile(t.db, {
      name: "Doomed",
      kind: "custom",
      sdk_app_id: 1400777000,
      admin_identifier: "administrator",
      region: "singapore",
      base_url: null,
      secret_key_enc: "secret-never-copied",
      key_fingerprint: "…x",
    });
  });
  afterAll(async () => t.close());

  it("saves the body and profile (never a secret), refuses a body that breaks the rules, and a name in use", async () => {
    const { id } = await saveTemplate(t.db, { name: " QA phones ", profileId, body }, actor);
    const view = await templateView(t.db, id);
    expect(view).toMatchObject({ name: "QA phones", profileName: "Doomed", profileExists: true, owner: "op@example.test", problems: [] });
    expect(view?.body).toEqual(body);
    expect(JSON.stringify(await t.db.selectFrom("call_templates").selectAll().execute())).not.toContain("secret-never-copied");

    const bad = saveTemplate(t.db, { name: "Bad", profileId, body: { ...body, Timeout: 5 } }, actor);
    await expect(bad).rejects.toBeInstanceOf(AppError);
    await expect(bad).rejects.toMatchObject({ fieldErrors: { "body.Timeout": [expect.stringContaining("10000")] } });
    await expect(saveTemplate(t.db, { name: "QA phones", profileId, body }, actor)).rejects.toMatchObject({
      kind: "conflict",
      field: "name",
    });
    await expect(renameTemplate(t.db, { id, name: "QA phones 2" }, actor)).resolves.toBeNull();
    expect((await templateViews(t.db)).map((v) => v.name)).toEqual(["QA phones 2"]);
  });

  it("says when its profile is gone, and what today's rules find wrong with an old body", async () => {
    const { id } = await saveTemplate(t.db, { name: "Old", profileId, body }, actor);
    await t.db
      .updateTable("call_templates")
      .set({ body: JSON.stringify({ ...body, CalleeList_Account: [] }) })
      .where("id", "=", id)
      .execute();
    await deleteProfile(t.db, profileId);
    const view = await templateView(t.db, id);
    expect(view).toMatchObject({ profileExists: false, profileName: "Doomed" });
    expect(view?.problems.join("\n")).toMatch(/CalleeList_Account/);
    await expect(saveTemplate(t.db, { id, name: "Old", profileId, body }, actor)).rejects.toMatchObject({ kind: "profile" });
    await removeTemplate(t.db, id, actor);
    expect(await templateView(t.db, id)).toBeUndefined();
    await expect(removeTemplate(t.db, id, actor)).rejects.toMatchObject({ kind: "not-found" });
  });
});
