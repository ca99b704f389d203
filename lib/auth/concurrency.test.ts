import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { syncEnvironmentAdmin } from "./service";

describe.each(DIALECTS)("instances starting together on $name", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.open();
  });
  afterAll(async () => t.close());

  it("creates the environment's admin once; the other instances find it unchanged", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => syncEnvironmentAdmin(t.db, "Admin@Example.com", "a long admin password")),
    );
    expect(outcomes.filter((o) => o === "created")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "unchanged")).toHaveLength(3);
    expect(await t.db.selectFrom("users").select("id").execute()).toHaveLength(1);
    expect(await t.db.selectFrom("audit_events").select("id").where("action", "=", "user.created").execute()).toHaveLength(1);
  });
});
