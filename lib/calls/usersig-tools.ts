import "server-only";
import type { Kysely } from "kysely";
import { insertAuditEvent } from "@/lib/db/audit";
import type { Database } from "@/lib/db/schema";
import type { Actor } from "@/lib/forms/roles";
import type { UserSigReport } from "@/lib/forms/usersig-report";
import { USERSIG_ERROR_CODES, decodeUserSig, genUserSig, verifyUserSig } from "@/lib/tencent/usersig";
import { loadSigningProfile } from "./profiles";

/**
 * Decodes a pasted UserSig (no key needed) and, with a profile, verifies it
 * with the profile's key the way the Call Engine would. Only the verdict
 * leaves the server.
 */
export async function inspectUserSig(
  db: Kysely<Database>,
  input: { userSig: string; profileId?: string },
  now = Math.floor(Date.now() / 1000),
): Promise<UserSigReport> {
  let decoded;
  try {
    decoded = decodeUserSig(input.userSig);
  } catch (error) {
    return { decoded: null, malformed: error instanceof Error ? error.message : "not a UserSig", verdict: null, now };
  }
  const expiresAt = decoded.time + decoded.expire;
  const base = {
    decoded: { ...decoded, sig: undefined, expiresAt, secondsLeft: expiresAt - now },
    malformed: null,
    now,
  };
  if (!input.profileId) return { ...base, verdict: null };
  const profile = await loadSigningProfile(db, input.profileId);
  const result = verifyUserSig({
    userSig: input.userSig,
    sdkAppId: profile.row.sdk_app_id,
    identifier: profile.row.admin_identifier,
    secretKey: profile.secretKey,
    now,
  });
  return {
    ...base,
    verdict: result.ok
      ? { ok: true, profileName: profile.row.name, message: `Valid for ${profile.row.name}: the Call Engine would accept it.` }
      : {
          ok: false,
          profileName: profile.row.name,
          reason: result.reason,
          errorCode: USERSIG_ERROR_CODES[result.reason],
          message: result.message,
        },
  };
}

export const USERSIG_MAX_EXPIRE_SECONDS = 180 * 86_400;

/** Makes a UserSig for a profile and identifier (admins). Audited; the UserSig itself is not kept. */
export async function generateUserSig(
  db: Kysely<Database>,
  input: { profileId: string; identifier: string; expireSeconds: number },
  actor: Actor,
): Promise<{ userSig: string; expiresAt: string }> {
  const profile = await loadSigningProfile(db, input.profileId);
  const now = Math.floor(Date.now() / 1000);
  const userSig = genUserSig({
    sdkAppId: profile.row.sdk_app_id,
    secretKey: profile.secretKey,
    identifier: input.identifier,
    expireSeconds: input.expireSeconds,
    now,
  });
  await insertAuditEvent(db, {
    actorId: actor.user.id,
    actorEmail: actor.user.email,
    action: "usersig.generated",
    targetType: "profile",
    targetId: profile.row.id,
    targetLabel: profile.row.name,
    ip: actor.ip,
    details: { identifier: input.identifier, expireSeconds: input.expireSeconds },
  });
  return { userSig, expiresAt: new Date((now + input.expireSeconds) * 1000).toISOString() };
}
