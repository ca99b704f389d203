import "server-only";
import type { ProfileSummary } from "@/lib/db/profiles";
import type { HistoryEntry } from "@/lib/db/requests";
import type { AttemptView } from "@/lib/forms/attempt-view";
import type { ProfileOption } from "@/lib/forms/profile-option";
import { getRegion, isRegionId, regionBaseUrl } from "@/lib/tencent/regions";
import { simulatorBaseUrl } from "./runtime";

/** The browser's view of an attempt: plain fields, no secret. */
export function toAttemptView(entry: HistoryEntry): AttemptView {
  return {
    id: entry.id,
    command: entry.command,
    profileName: entry.profile_name,
    outcome: entry.outcome,
    httpStatus: entry.http_status,
    errorCode: entry.error_code,
    errorInfo: entry.error_info,
    requestId: entry.request_id,
    callId: entry.call_id,
    callResult: entry.callResult,
    detail: entry.detail,
    latencyMs: entry.latency_ms,
    createdAt: entry.created_at,
    robotAccount: entry.robot_account,
    callees: entry.callees,
    operator: entry.operator,
    background: entry.background === 1,
  };
}

/** What a profile picker needs: never the key, only its fingerprint. */
export function toProfileOption(profile: ProfileSummary): ProfileOption {
  const target =
    profile.kind === "simulator"
      ? `built-in simulator (${simulatorBaseUrl()})`
      : profile.base_url
        ? profile.base_url
        : profile.region && isRegionId(profile.region)
          ? `${getRegion(profile.region).name} (${getRegion(profile.region).domain})`
          : "no destination";
  return {
    id: profile.id,
    name: profile.name,
    kind: profile.kind,
    sdkAppId: profile.sdk_app_id,
    adminIdentifier: profile.admin_identifier,
    target,
    baseUrl:
      profile.kind === "simulator"
        ? simulatorBaseUrl()
        : (profile.base_url ?? (profile.region && isRegionId(profile.region) ? regionBaseUrl(profile.region) : "")),
    keyFingerprint: profile.key_fingerprint,
  };
}
