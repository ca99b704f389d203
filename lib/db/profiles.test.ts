import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { createProfile, findProfileIdByName, getProfileSummary, getProfileWithKey } from "./profiles";

describe.each(DIALECTS)("profile lookups on $name", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.open();
    await createProfile(t.db, {
      name: "Local",
      kind: "custom",
      sdk_app_id: 1400555555,
      admin_identifier: "administrator",
      region: "singapore",
      base_url: null,
      secret_key_enc: "x",
      key_fingerprint: "…x",
    });
  });
  afterAll(async () => t.close());

  // Found by the action fuzz: a posted profile id "\u0000" made PostgreSQL refuse the query, and the start ended in a fault.
  it("finds nothing for an id or a name with NUL, on both databases, instead of failing", async () => {
    await expect(getProfileWithKey(t.db, "\u0000")).resolves.toBeUndefined();
    await expect(getProfileSummary(t.db, "a\u0000b")).resolves.toBeUndefined();
    await expect(findProfileIdByName(t.db, "Local\u0000")).resolves.toBeUndefined();
    await expect(findProfileIdByName(t.db, "Local")).resolves.toEqual(expect.any(String));
  });
});
