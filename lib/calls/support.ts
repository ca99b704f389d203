import type { HistoryEntry } from "@/lib/db/requests";
import { explainOutcome } from "@/lib/tencent/error-catalog";

function host(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** The explanation in the reader's language, when that is not English ("zh-CN" and its text). */
export interface SupportTranslation {
  locale: string;
  explanation: string;
}

/**
 * The block Tencent support asks for: RequestId, UTC time, domain, SDKAppID,
 * command, body, outcome, explanation. Field names, times and the rest stay
 * English whatever the language (Tencent support reads them); the
 * explanation is also given in the user's language, just above the English.
 */
export function supportText(entry: HistoryEntry, translation?: SupportTranslation): string {
  const explanation = explainOutcome({ kind: entry.outcome, errorCode: entry.error_code }, entry.command);
  const lines = [
    `RequestId: ${entry.request_id ?? "(none: no answer from the Call Engine)"}`,
    `Time (UTC): ${entry.created_at.replace("T", " ").replace("Z", "")}`,
    `Domain: ${host(entry.base_url)}`,
    `SDKAppID: ${entry.sdk_app_id}`,
    `identifier: ${entry.admin_identifier}`,
    `API: v4/${entry.command}`,
    `random: ${entry.random}`,
    `Outcome: ${entry.outcome}${entry.http_status !== null ? ` (HTTP ${entry.http_status})` : ""}`,
    ...(entry.error_code !== null ? [`ErrorCode: ${entry.error_code}`] : []),
    ...(entry.error_info ? [`ErrorInfo: ${entry.error_info}`] : []),
    ...(entry.call_id ? [`CallId: ${entry.call_id}`] : []),
    ...(entry.detail ? [`Detail: ${entry.detail}`] : []),
    ...(translation && translation.locale !== "en" ? [`Explanation (${translation.locale}): ${translation.explanation}`] : []),
    `Explanation: ${explanation.title}. ${explanation.cause}`,
    "Request body:",
    JSON.stringify(entry.requestBody, null, 2),
  ];
  return lines.join("\n");
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The request as a cURL command. The UserSig stays a placeholder: sign one for the admin to run it. */
export function curlCommand(entry: HistoryEntry): string {
  return [
    `curl -X POST ${shellQuote(entry.url)}`,
    `  -H 'Content-Type: application/json'`,
    `  --data-raw ${shellQuote(JSON.stringify(entry.requestBody))}`,
  ].join(" \\\n");
}
