import "server-only";
import type { Kysely } from "kysely";
import { env } from "@/lib/env";
import { deleteProfile, getProfileWithKey, listProfiles, upsertProfile } from "@/lib/db/profiles";
import type { Database, ProfileRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { decryptSecret, deriveSimulatorKey, encryptSecret, keyFingerprint } from "@/lib/secrets";
import type { FetchLike } from "@/lib/tencent/client";
import { isRegionId, normalizeBaseUrl, regionBaseUrl, type RegionId } from "@/lib/tencent/regions";
import { ENVIRONMENT_PROFILE_ID, SIMULATOR_PROFILE_ID, SIMULATOR_SDKAPPID, runtime, simulatorBaseUrl, simulatorFetch } from "./runtime";

/**
 * Keeps the console's own profiles true at every start: the simulator's (its
 * key follows the master key) and the one described by TENCENT_* variables.
 */
export async function ensureBuiltInProfiles(db: Kysely<Database>): Promise<void> {
  const { masterKey } = runtime();
  const simulatorKey = deriveSimulatorKey(masterKey);
  await upsertProfile(db, SIMULATOR_PROFILE_ID, {
    name: "Simulator",
    kind: "simulator",
    sdk_app_id: SIMULATOR_SDKAPPID,
    admin_identifier: "administrator",
    region: null,
    base_url: null,
    secret_key_enc: encryptSecret(masterKey, simulatorKey),
    key_fingerprint: keyFingerprint(simulatorKey),
  });

  const config = env();
  if (config.TENCENT_SDKAPPID !== undefined && config.TENCENT_SECRET_KEY !== undefined) {
    await upsertProfile(db, ENVIRONMENT_PROFILE_ID, {
      name: "Environment",
      kind: "environment",
      sdk_app_id: config.TENCENT_SDKAPPID,
      admin_identifier: config.TENCENT_ADMIN_IDENTIFIER,
      region: config.TENCENT_REGION ?? null,
      base_url: config.TENCENT_BASE_URL ? normalizeBaseUrl(config.TENCENT_BASE_URL) : null,
      secret_key_enc: encryptSecret(masterKey, config.TENCENT_SECRET_KEY),
      key_fingerprint: keyFingerprint(config.TENCENT_SECRET_KEY),
    });
  } else {
    // History keeps the profile's name; the profile itself goes with its variables.
    await deleteProfile(db, ENVIRONMENT_PROFILE_ID);
  }
}

export { listProfiles };

/** Where a profile's requests go, and how. */
export interface Destination {
  baseUrl: string;
  fetchImpl?: FetchLike;
  /** The region's backup domain: sent to once when the primary cannot be reached at all (nothing was sent). */
  fallbackUrl?: string;
}

/**
 * A region's base URL: its Tencent domain (or its documented backup domain),
 * unless TENCENT_REGION_URLS (TENCENT_BACKUP_URLS) points it elsewhere.
 */
export function regionUrl(region: RegionId, { backup = false }: { backup?: boolean } = {}): string {
  const override = (backup ? env().TENCENT_BACKUP_URLS : env().TENCENT_REGION_URLS)?.[region];
  return override ? (normalizeBaseUrl(override) ?? override) : regionBaseUrl(region, { backup });
}

export function destinationOf(profile: Pick<ProfileRow, "kind" | "region" | "base_url" | "use_backup">): Destination {
  if (profile.kind === "simulator") return { baseUrl: simulatorBaseUrl(), fetchImpl: simulatorFetch };
  if (profile.base_url) return { baseUrl: profile.base_url };
  if (profile.region && isRegionId(profile.region)) {
    if (profile.use_backup === 1) return { baseUrl: regionUrl(profile.region, { backup: true }) };
    // The backup domain of the same data centre: where a send goes once when the primary cannot be reached.
    return { baseUrl: regionUrl(profile.region), fallbackUrl: regionUrl(profile.region, { backup: true }) };
  }
  throw new ProfileError("the profile has neither a known region nor a base URL");
}

/** A profile that cannot be used (gone, no destination, key unreadable): the message says why, about the profile field. */
export class ProfileError extends AppError {
  override readonly name: string = "ProfileError";
  constructor(message: string) {
    super("profile", message, { field: "profileId" });
  }
}

export interface SigningProfile {
  row: ProfileRow;
  secretKey: string;
  destination: Destination;
}

/** Loads a profile with its decrypted key, for signing. Throws ProfileError with a message a person can act on. */
export async function loadSigningProfile(db: Kysely<Database>, profileId: string): Promise<SigningProfile> {
  const row = await getProfileWithKey(db, profileId);
  if (!row) throw new ProfileError("this app profile no longer exists; pick another");
  let secretKey: string;
  try {
    secretKey = decryptSecret(runtime().masterKey, row.secret_key_enc);
  } catch (error) {
    throw new ProfileError(
      `the SecretKey of profile "${row.name}" cannot be used: ${error instanceof Error ? error.message : "decryption failed"}`,
    );
  }
  return { row, secretKey, destination: destinationOf(row) };
}
