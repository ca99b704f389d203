import "server-only";
import type { Kysely } from "kysely";
import { outboundPolicy } from "@/lib/env";
import { auditBy } from "@/lib/db/audit";
import {
  deleteProfile,
  findProfileIdByName,
  getProfileSummary,
  insertProfileIfNameFree,
  upsertProfile,
  type ProfileSummary,
} from "@/lib/db/profiles";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { AttemptView } from "@/lib/forms/attempt-view";
import type { Actor } from "@/lib/forms/roles";
import type { z } from "zod";
import { baseUrlProblem, type profileFieldsSchema } from "@/lib/forms/profile-schema";
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
    use_backup: fields.destination === "region" && fields.useBackup ? 1 : 0,
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
  const id = await findProfileIdByName(db, name);
  return id !== undefined && id !== exceptId ? "is used by another profile" : null;
}

/** Only profiles made in the console can be edited; the simulator's and the environment's are kept by the console. */
async function editable(db: Kysely<Database>, id: string): Promise<ProfileSummary> {
  const profile = await getProfileSummary(db, id);
  if (!profile) throw new AppError("not-found", "This profile no longer exists.");
  if (profile.kind === "simulator") throw new AppError("forbidden", "The Simulator profile is built in and cannot be changed.");
  if (profile.kind === "environment") {
    throw new AppError("forbidden", "The Environment profile comes from TENCENT_* variables: change them and restart.");
  }
  return profile;
}

async function editableRow(db: Kysely<Database>, id: string) {
  const row = await getProfileWithKey(db, id);
  if (!row) throw new AppError("not-found", "This profile no longer exists.");
  return row;
}

export async function createCustomProfile(db: Kysely<Database>, fields: Fields, secretKey: string, actor: Actor): Promise<{ id: string }> {
  const createProblem = await nameProblem(db, fields.name);
  if (createProblem) throw new AppError("conflict", createProblem, { field: "fields.name" });
  const urlProblem = baseUrlProblem(fields, outboundPolicy());
  if (urlProblem) throw new AppError("invalid-input", urlProblem, { field: "fields.baseUrl" });
  const id = await insertProfileIfNameFree(db, {
    ...columns(fields),
    kind: "custom",
    secret_key_enc: encryptSecret(runtime().masterKey, secretKey),
    key_fingerprint: keyFingerprint(secretKey),
  });
  // Checked above, and again by the insert: a concurrent create of the same name loses here.
  if (id === null) throw new AppError("conflict", "is used by another profile", { field: "fields.name" });
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
      useBackup: c.use_backup === 1,
      key: keyFingerprint(secretKey),
    },
  );
  return { id };
}

export async function updateCustomProfile(db: Kysely<Database>, id: string, fields: Fields, actor: Actor): Promise<null> {
  const profile = await editable(db, id);
  const updateProblem = await nameProblem(db, fields.name, id);
  if (updateProblem) throw new AppError("conflict", updateProblem, { field: "fields.name" });
  const urlProblem = baseUrlProblem(fields, outboundPolicy());
  if (urlProblem) throw new AppError("invalid-input", urlProblem, { field: "fields.baseUrl" });
  const next = columns(fields);
  const before = {
    name: profile.name,
    sdk_app_id: profile.sdk_app_id,
    admin_identifier: profile.admin_identifier,
    region: profile.region,
    base_url: profile.base_url,
    use_backup: profile.use_backup,
  };
  const changes = Object.fromEntries(
    Object.entries(next)
      .filter(([key, value]) => before[key as keyof typeof before] !== value)
      .map(([key, value]) => [key, { from: before[key as keyof typeof before], to: value }]),
  );
  if (Object.keys(changes).length === 0) return null;
  const row = await editableRow(db, id);
  await upsertProfile(db, id, { ...row, ...next });
  await audit(db, actor, "profile.updated", { id, name: fields.name }, changes);
  return null;
}

export async function rotateProfileKey(
  db: Kysely<Database>,
  id: string,
  secretKey: string,
  actor: Actor,
): Promise<{ fingerprint: string }> {
  const profile = await editable(db, id);
  const row = await editableRow(db, id);
  const fingerprint = keyFingerprint(secretKey);
  await upsertProfile(db, id, { ...row, secret_key_enc: encryptSecret(runtime().masterKey, secretKey), key_fingerprint: fingerprint });
  runtime().userSigs.clear();
  await audit(db, actor, "profile.key_rotated", profile, { key: { from: profile.key_fingerprint, to: fingerprint } });
  return { fingerprint };
}

export async function deleteCustomProfile(db: Kysely<Database>, id: string, actor: Actor): Promise<null> {
  const profile = await editable(db, id);
  await deleteProfile(db, id);
  await audit(db, actor, "profile.deleted", profile, { sdkAppId: profile.sdk_app_id });
  return null;
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
export async function moveProfileToRegion(db: Kysely<Database>, id: string, region: RegionId, actor: Actor): Promise<null> {
  const profile = await editable(db, id);
  const row = await editableRow(db, id);
  if (row.region === region && row.base_url === null) return null;
  await upsertProfile(db, id, { ...row, region, base_url: null });
  await audit(db, actor, "profile.updated", profile, {
    region: { from: row.region, to: region },
    ...(row.base_url ? { base_url: { from: row.base_url, to: null } } : {}),
    via: "wrong-region finder",
  });
  return null;
}
