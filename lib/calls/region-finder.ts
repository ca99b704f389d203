import "server-only";
import { toAttemptView } from "./views";
import type { Kysely } from "kysely";
import { getRequest, type HistoryEntry } from "@/lib/db/requests";
import type { Database } from "@/lib/db/schema";
import type { Actor } from "@/lib/forms/roles";
import type { RegionProbe } from "@/lib/forms/region-probe";
import { COMMANDS } from "@/lib/tencent/commands";
import { REGIONS } from "@/lib/tencent/regions";
import { getProfileSummary } from "@/lib/db/profiles";
import { AppError } from "@/lib/errors";
import { regionUrl } from "./profiles";
import { sendCommand } from "./send";

/** Answers that mean "this data centre does not know the SDKAppID". */
export const WRONG_REGION_CODES = [60026, 70016, 70020];

/** Whether an attempt's outcome suggests the profile points at the wrong data centre. */
export function suggestsWrongRegion(entry: Pick<HistoryEntry, "outcome" | "error_code" | "detail">): boolean {
  if (entry.outcome === "api-error") return WRONG_REGION_CODES.includes(entry.error_code ?? 0);
  return entry.outcome === "network-error" && /ENOTFOUND|EAI_AGAIN/.test(entry.detail ?? "");
}

/**
 * Asks every region, through its primary and its backup domain, with a
 * harmless read (get_record_by_filter, {}), whether it knows the entry's
 * SDKAppID. Each probe is an attempt in history.
 */
export async function probeRegions(db: Kysely<Database>, entryId: string, actor: Actor): Promise<RegionProbe[]> {
  const entry = await getRequest(db, entryId);
  if (!entry) throw new AppError("not-found", "This history entry does not exist.");
  if (!entry.profile_id) throw new AppError("profile", "The profile of this attempt has been deleted.");
  const profile = await getProfileSummary(db, entry.profile_id);
  if (!profile) throw new AppError("profile", "The profile of this attempt has been deleted.");
  if (profile.kind === "simulator") throw new AppError("invalid-input", "The built-in simulator has no regions to check.");
  const probe = async (baseUrl: string) => {
    const result = await sendCommand(db, {
      profileId: profile.id,
      command: COMMANDS.getRecordByFilter,
      body: {},
      operator: actor.user,
      baseUrlOverride: baseUrl,
    });
    const entry = result.entry;
    const knows = entry.outcome === "ok" || (entry.outcome === "api-error" && !WRONG_REGION_CODES.includes(entry.error_code ?? 0));
    return { outcome: toAttemptView(entry).outcome, errorCode: entry.error_code, historyId: entry.id, knowsApp: knows };
  };
  return Promise.all(
    REGIONS.map(async (region): Promise<RegionProbe> => {
      // Each region through its primary and its backup domain: a DNS problem on one does not hide the other.
      const [primary, backup] = await Promise.all([probe(regionUrl(region.id)), probe(regionUrl(region.id, { backup: true }))]);
      return {
        region: region.id,
        name: region.name,
        domain: region.domain,
        ...primary,
        knowsApp: primary.knowsApp || backup.knowsApp,
        current: profile.region === region.id && !profile.base_url,
        backup: { domain: region.backupDomain, ...backup },
      };
    }),
  );
}
