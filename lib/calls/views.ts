import "server-only";
import { env } from "@/lib/env";
import type { ProfileSummary } from "@/lib/db/profiles";
import type { HistoryEntry } from "@/lib/db/requests";
import type { AttemptView } from "@/lib/forms/attempt-view";
import type { ProfileOption } from "@/lib/forms/profile-option";
import { getRegion, isRegionId, regionBaseUrl } from "@/lib/tencent/regions";
import { simulatorBaseUrl } from "./runtime";

/** Beyond the request timeout, how long an answer may still take to be written (slow database, clocks of instances apart). */
export const PENDING_MARGIN_MS = 30_000;

/**
 * What a row still pending means at a given time: its answer can still come
 * ("in-flight"), or the console that sent it stopped before it came ("unknown").
 */
export function pendingState(createdAt: string, nowMs: number, timeoutMs: number): "in-flight" | "unknown" {
  const written = Date.parse(createdAt);
  if (Number.isNaN(written)) return "unknown";
  return nowMs - written <= timeoutMs + PENDING_MARGIN_MS ? "in-flight" : "unknown";
}

/** The browser's view of an attempt: plain fields, no secret; a pending row resolved as of now. */
export function toAttemptView(entry: HistoryEntry): AttemptView {
  return {
    id: entry.id,
    command: entry.command,
    profileName: entry.profile_name,
    outcome: entry.outcome === "pending" ? pendingState(entry.created_at, Date.now(), env().REQUEST_TIMEOUT_MS) : entry.outcome,
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
