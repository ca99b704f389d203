import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { reserveAttempt } from "./login-failures";
import { insertProfileIfNameFree, upsertProfile, type ProfileInput } from "./profiles";
import { insertUserIfAbsent } from "./users";

const N = 20;
const together = <T>(make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: N }, (_, i) => make(i)));

const profile = (over: Partial<ProfileInput> = {}): ProfileInput => ({
  name: "Simulator",
  kind: "simulator",
  sdk_app_id: 1400000001,
  admin_identifier: "administrator",
  region: null,
  base_url: null,
  secret_key_enc: "v1:a:b:c",
  key_fingerprint: "…0000",
  ...over,
});

describe.each(DIALECTS)("read-then-insert under concurrency on $name", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.open();
  });
  afterAll(async () => t.close());

  it("upserts a built-in profile from many instances at once: one row, the last key wins", async () => {
    await together((i) => upsertProfile(t.db, "simulator", profile({ key_fingerprint: `…${i}` })));
    const rows = await t.db.selectFrom("profiles").selectAll().where("id", "=", "simulator").execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key_fingerprint).toMatch(/^…\d+$/);
  });

  it("creates a named profile once when many create it at the same moment", async () => {
    const ids = await together((i) =>
      insertProfileIfNameFree(t.db, profile({ name: "Staging", kind: "custom", key_fingerprint: `…${i}` })),
    );
    expect(ids.filter((id) => id !== null)).toHaveLength(1);
    expect(await t.db.selectFrom("profiles").select("id").where("name", "=", "Staging").execute()).toHaveLength(1);
  });

  it("creates a user once when many create the same email at the same moment", async () => {
    const users = await together(() => insertUserIfAbsent(t.db, { email: "Race@Example.com", role: "admin", passwordHash: null }));
    expect(users.filter((user) => user !== null)).toHaveLength(1);
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "race@example.com").execute()).toHaveLength(1);
  });

  it("numbers parallel sign-in attempts against one key without gaps or repeats", async () => {
    const now = "2026-01-01T00:00:00.000Z";
    const counts = await together(() =>
      reserveAttempt(t.db, { key: "email:race@example.com", now, windowStart: "2025-12-31T23:45:00.000Z", limit: 100, lockedUntil: now }),
    );
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
  });
});
