import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openMigratedDb } from "@/lib/db/connection";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { profileFieldsSchema } from "@/lib/forms/profile-schema";
import { createCustomProfile, updateCustomProfile } from "./profile-admin";

let db: Kysely<Database>;
const actor = { user: { id: "admin-1", email: "admin@example.com" }, ip: "127.0.0.1" };
const fields = (baseUrl: string) =>
  profileFieldsSchema.parse({
    name: `P ${baseUrl}`,
    sdkAppId: "1400000009",
    adminIdentifier: "administrator",
    destination: "baseUrl",
    baseUrl,
  });

beforeAll(async () => {
  vi.stubEnv("DATA_DIR", path.join(mkdtempSync(path.join(tmpdir(), "console-profile-admin-")), "data"));
  vi.stubEnv("CONSOLE_SECRET", "profile-admin-test-secret-0123456789abcdef");
  vi.stubEnv("OUTBOUND_ALLOW_HOSTS", "gateway.example:8080");
  db = (await openMigratedDb("file::memory:")).db;
});
afterAll(async () => {
  await db.destroy();
  vi.unstubAllEnvs();
});

describe("the outbound policy at save time", () => {
  it.each([
    ["http://169.254.169.254", /must use https/],
    ["https://169.254.169.254", /link-local 169\.254\.0\.0\/16/],
    ["https://metadata.google.internal", /\.internal/],
    ["https://[fd00:ec2::254]", /unique-local/],
    ["https://127.0.0.1:5432", /loopback/],
    ["https://[::1]", /loopback ::1/],
    ["https://0.0.0.0", /this-network/],
    ["https://2130706433", /loopback/],
    ["https://0x7f.1", /loopback/],
  ])("refuses %s, naming the field and the rule, and saves nothing", async (baseUrl, rule) => {
    const refused = await createCustomProfile(db, fields(baseUrl), "a-secret-key-of-some-length", actor).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    const error = refused as AppError;
    expect(error.field).toBe("fields.baseUrl");
    const message = error.message;
    expect(message).toMatch(/^Base URL must/);
    expect(message).toMatch(rule);
    expect(await db.selectFrom("profiles").select("id").where("name", "=", `P ${baseUrl}`).executeTakeFirst()).toBeUndefined();
  });

  it("takes a public https host, and an allowed gateway over http; an edit to an internal address is refused", async () => {
    const { id } = await createCustomProfile(db, fields("https://proxy.example.com/cn"), "a-secret-key-of-some-length", actor);
    expect(id).toMatch(/^[0-9A-Z]{26}$/);
    await expect(
      createCustomProfile(db, fields("http://gateway.example:8080"), "a-secret-key-of-some-length", actor),
    ).resolves.toHaveProperty("id");
    const edit = updateCustomProfile(db, id, { ...fields("https://10.0.0.1"), name: "P https://proxy.example.com/cn" }, actor);
    await expect(edit).rejects.toMatchObject({
      kind: "invalid-input",
      field: "fields.baseUrl",
      message: expect.stringMatching(/private 10\.0\.0\.0\/8/),
    });
    const row = await db.selectFrom("profiles").select("base_url").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.base_url).toBe("https://proxy.example.com/cn");
  });
});
