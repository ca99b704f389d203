import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countActiveAdmins, getUser, insertUser } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { changeRole, setDisabled } from "./user-admin";

const actorOf = (user: { id: string; email: string }) => ({ user: { id: user.id, email: user.email }, ip: "127.0.0.1" });

describe.each(DIALECTS)("the last enabled admin on $name", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.open();
  });
  afterAll(async () => t.close());

  const admins = async (prefix: string) => {
    const a = await insertUser(t.db, { email: `${prefix}-a@example.com`, role: "admin", passwordHash: null });
    const b = await insertUser(t.db, { email: `${prefix}-b@example.com`, role: "admin", passwordHash: null });
    return [a, b] as const;
  };
  /** Leaves only the two admins of this case enabled. */
  const isolate = async (keep: string[]) => {
    await t.db
      .updateTable("users")
      .set({ disabled_at: new Date().toISOString() })
      .where("role", "=", "admin")
      .where("id", "not in", keep)
      .execute();
  };

  it("refuses to demote or disable the only enabled admin", async () => {
    const [a, b] = await admins("only");
    await isolate([a.id, b.id]);
    await changeRole(t.db, b.id, "viewer", actorOf(a));
    await expect(changeRole(t.db, a.id, "operator", actorOf(a))).rejects.toThrow(/at least one enabled admin/);
    await expect(setDisabled(t.db, a.id, true, actorOf(b))).rejects.toBeInstanceOf(AppError);
    expect((await getUser(t.db, a.id))?.role).toBe("admin");
    expect(await countActiveAdmins(t.db)).toBe(1);
  });

  it("keeps one admin when two admins demote each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await admins(`demote${round}`);
      await isolate([a.id, b.id]);
      const results = await Promise.allSettled([
        changeRole(t.db, a.id, "viewer", actorOf(b)),
        changeRole(t.db, b.id, "viewer", actorOf(a)),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await countActiveAdmins(t.db)).toBe(1);
    }
  });

  it("keeps one admin when two admins disable each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await admins(`disable${round}`);
      await isolate([a.id, b.id]);
      const results = await Promise.allSettled([setDisabled(t.db, a.id, true, actorOf(b)), setDisabled(t.db, b.id, true, actorOf(a))]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await countActiveAdmins(t.db)).toBe(1);
    }
  });

  it("keeps one admin when one demotes while the other disables", async () => {
    const [a, b] = await admins("mixed");
    await isolate([a.id, b.id]);
    await Promise.allSettled([changeRole(t.db, a.id, "operator", actorOf(b)), setDisabled(t.db, b.id, true, actorOf(a))]);
    expect(await countActiveAdmins(t.db)).toBe(1);
  });
});
