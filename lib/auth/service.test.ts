import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUser, insertUser, updateUser } from "@/lib/db/users";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { hashPassword } from "./passwords";
import { checkUserToken, issueUserToken, redeemUserToken, signIn, signOut, syncEnvironmentAdmin, validateSession } from "./service";

const policy = { idleMinutes: 30, maxHours: 24, maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, lockMinutes: 15 };
const client = (ip = "10.0.0.1") => ({ ip, userAgent: "vitest" });
const PASSWORD = "correct horse battery";
const t0 = new Date("2026-01-01T00:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe.each(DIALECTS)("accounts and sessions on $name", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.open();
  });
  afterAll(async () => t.close());

  async function user(email: string, role: "viewer" | "operator" | "admin" = "operator") {
    return insertUser(t.db, { email, role, passwordHash: await hashPassword(PASSWORD) });
  }

  it("signs in, case-insensitively by email, and stores only the token's hash", async () => {
    await user("Ops@Example.com");
    const result = await signIn(t.db, { email: " ops@example.COM ", password: PASSWORD, client: client() }, policy, t0);
    expect(result).toMatchObject({ ok: true, user: { email: "ops@example.com", role: "operator" } });
    if (!result.ok) throw new Error("the sign-in failed");
    expect(await validateSession(t.db, result.token, policy, at(1))).toMatchObject({ email: "ops@example.com" });
    const rows = await t.db.selectFrom("sessions").select("id").execute();
    expect(rows.map((r) => r.id)).not.toContain(result.token);
  });

  it("gives one answer for an unknown email and a wrong password", async () => {
    await user("real@example.com");
    const unknown = await signIn(t.db, { email: "ghost@example.com", password: PASSWORD, client: client("10.0.0.9") }, policy, t0);
    const wrong = await signIn(t.db, { email: "real@example.com", password: "not the password", client: client("10.0.0.9") }, policy, t0);
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);
  });

  it("locks an account after repeated failures, even for the right password, then lets it in", async () => {
    await user("locked@example.com");
    for (let i = 0; i < 3; i++) {
      await signIn(t.db, { email: "locked@example.com", password: "nope nope nope", client: client(`10.1.0.${i}`) }, policy, at(i));
    }
    const blocked = await signIn(t.db, { email: "locked@example.com", password: PASSWORD, client: client("10.1.0.9") }, policy, at(3));
    if (blocked.ok || blocked.reason !== "throttled") throw new Error(`expected a throttled refusal, got ${JSON.stringify(blocked)}`);
    expect(blocked.retryAfterSeconds).toBeGreaterThan(10 * 60);
    const later = await signIn(t.db, { email: "locked@example.com", password: PASSWORD, client: client("10.1.0.9") }, policy, at(20));
    expect(later.ok).toBe(true);
  });

  it("checks no more passwords than the limit when guesses arrive in parallel", async () => {
    await user("parallel@example.com");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        signIn(t.db, { email: "parallel@example.com", password: `guess number ${i}`, client: client(`10.9.0.${i}`) }, policy, at(1)),
      ),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(checked).toBeLessThanOrEqual(policy.maxFailuresPerAccount);
    expect(results.filter((r) => !r.ok && r.reason === "throttled").length).toBe(20 - checked);
    expect(
      await signIn(t.db, { email: "parallel@example.com", password: PASSWORD, client: client("10.9.1.1") }, policy, at(2)),
    ).toMatchObject({
      reason: "throttled",
    });
  });

  it("a successful sign-in does not count against the account or the address", async () => {
    await user("regular@example.com");
    for (let i = 0; i < 10; i++) {
      expect((await signIn(t.db, { email: "regular@example.com", password: PASSWORD, client: client("10.8.0.1") }, policy, at(i))).ok).toBe(
        true,
      );
    }
  });

  it("locks a client address that tries many accounts", async () => {
    for (let i = 0; i < 5; i++) {
      await signIn(t.db, { email: `spray${i}@example.com`, password: "guess guess guess", client: client("10.2.0.1") }, policy, at(i));
    }
    await user("victim@example.com");
    expect(
      await signIn(t.db, { email: "victim@example.com", password: PASSWORD, client: client("10.2.0.1") }, policy, at(6)),
    ).toMatchObject({
      reason: "throttled",
    });
    expect((await signIn(t.db, { email: "victim@example.com", password: PASSWORD, client: client("10.2.0.2") }, policy, at(6))).ok).toBe(
      true,
    );
  });

  it("ends a session after idle time, at its absolute end, on sign-out, and when the user is disabled", async () => {
    const u = await user("expiry@example.com");
    const session = async (when: Date) => {
      const r = await signIn(t.db, { email: u.email, password: PASSWORD, client: client("10.3.0.1") }, policy, when);
      if (!r.ok) throw new Error("sign-in failed");
      return r.token;
    };
    const idle = await session(t0);
    expect(await validateSession(t.db, idle, policy, at(29))).not.toBeNull();
    expect(await validateSession(t.db, idle, policy, at(29 + 31))).toBeNull();

    const active = await session(t0);
    for (let m = 20; m < 24 * 60; m += 20) expect(await validateSession(t.db, active, policy, at(m))).not.toBeNull();
    expect(await validateSession(t.db, active, policy, at(24 * 60 + 1))).toBeNull();

    const out = await session(at(5000));
    await signOut(t.db, out, null, client());
    expect(await validateSession(t.db, out, policy, at(5001))).toBeNull();

    const disabled = await session(at(6000));
    await updateUser(t.db, u.id, { disabled_at: at(6001).toISOString() });
    expect(await validateSession(t.db, disabled, policy, at(6002))).toBeNull();
    expect(await signIn(t.db, { email: u.email, password: PASSWORD, client: client("10.3.0.2") }, policy, at(6003))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("records sign-ins and failures in the audit log, never the password", async () => {
    const events = await t.db.selectFrom("audit_events").selectAll().execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["auth.sign_in", "auth.sign_in_failed", "auth.sign_in_throttled"]));
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
    expect(JSON.stringify(events)).not.toContain("nope nope nope");
  });

  it("one-time links: a reset sets the password once and ends the user's sessions", async () => {
    const u = await user("reset@example.com", "viewer");
    const before = await signIn(t.db, { email: u.email, password: PASSWORD, client: client("10.4.0.1") }, policy);
    const { token } = await issueUserToken(t.db, { purpose: "reset", userId: u.id, createdBy: null });
    expect(await checkUserToken(t.db, token)).toMatchObject({ ok: true, purpose: "reset", user: { email: u.email } });
    expect(await redeemUserToken(t.db, { token, password: "a brand new password", client: client() })).toMatchObject({ ok: true });
    expect(await redeemUserToken(t.db, { token, password: "another password!!", client: client() })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/used already/),
    });
    if (!before.ok) throw new Error("the sign-in before the reset failed");
    expect(await validateSession(t.db, before.token, policy)).toBeNull();
    expect((await signIn(t.db, { email: u.email, password: "a brand new password", client: client("10.4.0.1") }, policy)).ok).toBe(true);
  });

  it("one-time links expire, and a new link replaces the old one", async () => {
    const u = await user("invitee@example.com", "viewer");
    const first = await issueUserToken(t.db, { purpose: "invite", userId: u.id, createdBy: null }, t0);
    expect(await checkUserToken(t.db, first.token, at(73 * 60))).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
    const second = await issueUserToken(t.db, { purpose: "invite", userId: u.id, createdBy: null });
    expect(await checkUserToken(t.db, first.token)).toMatchObject({ ok: false });
    expect(await checkUserToken(t.db, second.token)).toMatchObject({ ok: true, purpose: "invite" });
    expect(await checkUserToken(t.db, "made-up-token")).toMatchObject({ ok: false, message: expect.stringMatching(/not valid/) });
  });

  it("syncs the environment admin: creates, then resets role, password and disabled state", async () => {
    expect(await syncEnvironmentAdmin(t.db, "Root@Example.com", "environment password 1")).toBe("created");
    expect(await syncEnvironmentAdmin(t.db, "root@example.com", "environment password 1")).toBe("unchanged");
    const row = await t.db.selectFrom("users").selectAll().where("email", "=", "root@example.com").executeTakeFirstOrThrow();
    await updateUser(t.db, row.id, { role: "viewer", disabled_at: new Date().toISOString() });
    expect(await syncEnvironmentAdmin(t.db, "root@example.com", "environment password 2")).toBe("updated");
    expect(await getUser(t.db, row.id)).toMatchObject({ role: "admin", disabled_at: null });
    expect(
      (await signIn(t.db, { email: "root@example.com", password: "environment password 2", client: client("10.5.0.1") }, policy)).ok,
    ).toBe(true);
  });
});

describe.each(DIALECTS)("first-run setup on $name", (dialect) => {
  it("creates the first admin once; the link is dead afterwards", async () => {
    const t = await dialect.open();
    try {
      const { token } = await issueUserToken(t.db, { purpose: "setup", userId: null, createdBy: null });
      // A submission without an email does not use the link up.
      expect(await redeemUserToken(t.db, { token, password: "first admin password", client: client() })).toMatchObject({ ok: false });
      const created = await redeemUserToken(t.db, {
        token,
        email: "First@Example.com",
        password: "first admin password",
        client: client(),
      });
      expect(created).toMatchObject({ ok: true, user: { email: "first@example.com", role: "admin" } });
      const again = await issueUserToken(t.db, { purpose: "setup", userId: null, createdBy: null });
      expect(await checkUserToken(t.db, again.token)).toMatchObject({ ok: false, message: expect.stringMatching(/set up already/) });
    } finally {
      await t.close();
    }
  });
});
