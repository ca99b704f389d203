import "server-only";
import type { Kysely } from "kysely";
import { ulid } from "ulid";
import type { Database, NewProfileRow, ProfileKind, ProfileRow } from "./schema";
import { couldBeStored } from "./text";

/** A profile as pages see it: everything but the encrypted key. */
export type ProfileSummary = Omit<ProfileRow, "secret_key_enc">;

const summaryColumns = [
  "id",
  "name",
  "kind",
  "sdk_app_id",
  "admin_identifier",
  "region",
  "base_url",
  "use_backup",
  "key_fingerprint",
  "created_at",
  "updated_at",
] as const;

const KIND_ORDER: Record<ProfileKind, number> = { simulator: 0, environment: 1, custom: 2 };

export async function listProfiles(db: Kysely<Database>): Promise<ProfileSummary[]> {
  const rows = await db.selectFrom("profiles").select(summaryColumns).execute();
  return rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name));
}

export async function getProfileSummary(db: Kysely<Database>, id: string): Promise<ProfileSummary | undefined> {
  if (!couldBeStored(id)) return undefined;
  return db.selectFrom("profiles").select(summaryColumns).where("id", "=", id).executeTakeFirst();
}

/** The id of the profile with this exact name, if any (names are unique by the editor's rule). */
export async function findProfileIdByName(db: Kysely<Database>, name: string): Promise<string | undefined> {
  if (!couldBeStored(name)) return undefined;
  const row = await db.selectFrom("profiles").select("id").where("name", "=", name).executeTakeFirst();
  return row?.id;
}

/** The id of a profile of this SDKAppID, if any: whether a webhook's SdkAppid is one of ours. */
export async function findProfileIdBySdkAppId(db: Kysely<Database>, sdkAppId: number): Promise<string | undefined> {
  const row = await db.selectFrom("profiles").select("id").where("sdk_app_id", "=", sdkAppId).executeTakeFirst();
  return row?.id;
}

/** With the encrypted key: for the use cases that sign, never for pages. */
export async function getProfileWithKey(db: Kysely<Database>, id: string): Promise<ProfileRow | undefined> {
  // A posted id with NUL names no profile (and would make PostgreSQL refuse the query).
  if (!couldBeStored(id)) return undefined;
  return db.selectFrom("profiles").selectAll().where("id", "=", id).executeTakeFirst();
}

/** use_backup may be left out (0: the primary domain). */
export type ProfileInput = Omit<ProfileRow, "id" | "created_at" | "updated_at" | "use_backup"> & Pick<NewProfileRow, "use_backup">;

/**
 * Creates or refreshes a profile kept by the console itself (the simulator's,
 * the environment's) under a fixed id. One statement, so instances starting
 * together never race between a read and an insert.
 */
export async function upsertProfile(db: Kysely<Database>, id: string, input: ProfileInput): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto("profiles")
    .values({ id, ...input, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column("id").doUpdateSet({ ...input, updated_at: now }))
    .execute();
}

/** A new profile, or null when its name is taken (also by a concurrent create). */
export async function insertProfileIfNameFree(db: Kysely<Database>, input: ProfileInput): Promise<string | null> {
  const id = ulid();
  const now = new Date().toISOString();
  const row = await db
    .insertInto("profiles")
    .values({ id, ...input, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column("name").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function createProfile(db: Kysely<Database>, input: ProfileInput): Promise<string> {
  const id = await insertProfileIfNameFree(db, input);
  if (id === null) throw new Error(`a profile named "${input.name}" exists already`);
  return id;
}

export async function deleteProfile(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("profiles").where("id", "=", id).execute();
}
