import "server-only";
import type { Kysely } from "kysely";
import { auditBy } from "@/lib/db/audit";
import { deleteProfile, getProfileSummary, insertProfileIfNameFree, upsertProfile, type ProfileSummary } from "@/lib/db/profiles";
import type { Database } from "@/lib/db/schema";
import type { ActionResult } from "@/lib/forms/action-result";
import type { AttemptView } from "@/lib/forms/attempt-view";
import type { Actor } from "@/lib/forms/roles";
import type { z } from "zod";
import type { profileFieldsSchema } from "@/lib/forms/profile-schema";
import { encryptSecret, keyFingerprint } from "@/lib/secrets";
import { COMMANDS } from "@/lib/tencent/commands";
import { normalizeBaseUrl, type RegionId } from "@/lib/tencent/regions";
import { getProfileWithKey } from "@/lib/db/profiles";
import { runtime } from "./runtime";
import { sendCommand } from "./send";
import { toAttemptView } from "./views";

type Fields = z.output<typeof profileFieldsSchema>;
function columns(fields: Fields) {
  return {
    name: fields.name,
    sdk_app_id: fields.sdkAppId,
    admin_identifier: fields.adminIdentifier,
    region: fields.destination === "region" ? (fields.region ?? null) : null,
    base_url: fields.destination === "baseUrl" ? normalizeBaseUrl(fields.baseUrl ?? "") : null,
  };
}

const audit = (
  db: Kysely<Database>,
  actor: Actor,
  action: string,
  profile: { id: string; name: string },
  details?: Record<string, unknown>,
) => auditBy(db, actor, action, { type: "profile", id: profile.id, label: profile.name }, details);

/** The console's own profiles keep these names, even while one of them does not exist. */
const RESERVED_NAMES = ["simulator", "environment"];

async function nameProblem(db: Kysely<Database>, name: string, exceptId?: string): Promise<string | null> {
  if (RESERVED_NAMES.includes(name.trim().toLowerCase())) return "is reserved for a built-in profile";
  const row = await db.selectFrom("profiles").select("id").where("name", "=", name).executeTakeFirst();
  return row && row.id !== exceptId ? "is used by another profile" : null;
}

/** Only profiles made in the console can be edited; the simulator's and the environment's are kept by the console. */
async function editable(db: Kysely<Database>, id: string): Promise<ProfileSummary | { error: string }> {
  const profile = await getProfileSummary(db, id);
  if (!profile) return { error: "This profile no longer exists." };
  if (profile.kind === "simulator") return { error: "The Simulator profile is built in and cannot be changed." };
  if (profile.kind === "environment") return { error: "The Environment profile comes from TENCENT_* variables: change them and restart." };
  return profile;
}

export async function createCustomProfile(
  db: Kysely<Database>,
  fields: Fields,
  secretKey: string,
  actor: Actor,
): Promise<ActionResult<{ id: string }>> {
  const createProblem = await nameProblem(db, fields.name);
  if (createProblem) return { ok: false, fieldErrors: { "fields.name": [createProblem] } };
  const id = await insertProfileIfNameFree(db, {
    ...columns(fields),
    kind: "custom",
    secret_key_enc: encryptSecret(runtime().masterKey, secretKey),
    key_fingerprint: keyFingerprint(secretKey),
  });
  // Checked above, and again by the insert: a concurrent create of the same name loses here.
  if (id === null) return { ok: false, fieldErrors: { "fields.name": ["is used by another profile"] } };
  const c = columns(fields);
  await audit(
    db,
    actor,
    "profile.created",
    { id, name: fields.name },
    {
      sdkAppId: c.sdk_app_id,
      adminIdentifier: c.admin_identifier,
      region: c.region,
      baseUrl: c.base_url,
      key: keyFingerprint(secretKey),
    },
  );
  return { ok: true, data: { id } };
}

export async function updateCustomProfile(db: Kysely<Database>, id: string, fields: Fields, actor: Actor): Promise<ActionResult<null>> {
  const profile = await editable(db, id);
  if ("error" in profile) return { ok: false, formError: profile.error };
  const updateProblem = await nameProblem(db, fields.name, id);
  if (updateProblem) return { ok: false, fieldErrors: { "fields.name": [updateProblem] } };
  const next = columns(fields);
  const before = {
    name: profile.name,
    sdk_app_id: profile.sdk_app_id,
    admin_identifier: profile.admin_identifier,
    region: profile.region,
    base_url: profile.base_url,
  };
  const changes = Object.fromEntries(
    Object.entries(next)
      .filter(([key, value]) => before[key as keyof typeof before] !== value)
      .map(([key, value]) => [key, { from: before[key as keyof typeof before], to: value }]),
  );
  if (Object.keys(changes).length === 0) return { ok: true, data: null };
  const row = await getProfileWithKey(db, id);
  if (!row) return { ok: false, formError: "This profile no longer exists." };
  await upsertProfile(db, id, { ...row, ...next });
  await audit(db, actor, "profile.updated", { id, name: fields.name }, changes);
  return { ok: true, data: null };
}

export async function rotateProfileKey(
  db: Kysely<Database>,
  id: string,
  secretKey: string,
  actor: Actor,
): Promise<ActionResult<{ fingerprint: string }>> {
  const profile = await editable(db, id);
  if ("error" in profile) return { ok: false, formError: profile.error };
  const row = await getProfileWithKey(db, id);
  if (!row) return { ok: false, formError: "This profile no longer exists." };
  const fingerprint = keyFingerprint(secretKey);
  await upsertProfile(db, id, { ...row, secret_key_enc: encryptSecret(runtime().masterKey, secretKey), key_fingerprint: fingerprint });
  runtime().userSigs.clear();
  await audit(db, actor, "profile.key_rotated", profile, { key: { from: profile.key_fingerprint, to: fingerprint } });
  return { ok: true, data: { fingerprint } };
}

export async function deleteCustomProfile(db: Kysely<Database>, id: string, actor: Actor): Promise<ActionResult<null>> {
  const profile = await editable(db, id);
  if ("error" in profile) return { ok: false, formError: profile.error };
  await deleteProfile(db, id);
  await audit(db, actor, "profile.deleted", profile, { sdkAppId: profile.sdk_app_id });
  return { ok: true, data: null };
}

/**
 * Sends a harmless read (get_record_by_filter with {}) with the profile, so a
 * wrong region or key shows up before an operator meets it. It is an attempt
 * in history like any other.
 */
export async function testProfileConnection(db: Kysely<Database>, id: string, actor: Actor): Promise<AttemptView> {
  const result = await sendCommand(db, {
    profileId: id,
    command: COMMANDS.getRecordByFilter,
    body: {},
    operator: actor.user,
  });
  return toAttemptView(result.entry);
}

/** Points a profile at a region (the wrong-region finder's fix). */
export async function moveProfileToRegion(db: Kysely<Database>, id: string, region: RegionId, actor: Actor): Promise<ActionResult<null>> {
  const profile = await editable(db, id);
  if ("error" in profile) return { ok: false, formError: profile.error };
  const row = await getProfileWithKey(db, id);
  if (!row) return { ok: false, formError: "This profile no longer exists." };
  if (row.region === region && row.base_url === null) return { ok: true, data: null };
  await upsertProfile(db, id, { ...row, region, base_url: null });
  await audit(db, actor, "profile.updated", profile, {
    region: { from: row.region, to: region },
    ...(row.base_url ? { base_url: { from: row.base_url, to: null } } : {}),
    via: "wrong-region finder",
  });
  return { ok: true, data: null };
}
