import "server-only";
import type { Kysely } from "kysely";
import { insertCallEvent } from "@/lib/db/call-events";
import { findProfileIdBySdkAppId } from "@/lib/db/profiles";
import type { Database } from "@/lib/db/schema";
import { log } from "@/lib/log";
import { WEBHOOK_OK, parseCallEvent } from "@/lib/tencent/webhooks";

/** PostgreSQL text cannot hold NUL; it is replaced, and the event kept. */
const noNul = (text: string) => text.replace(/\u0000/g, "\uFFFD");

export interface WebhookAnswer {
  status: number;
  body: { ActionStatus: string; ErrorInfo: string; ErrorCode: number };
}

/**
 * Takes one webhook call. No signature is documented, so the SdkAppid must
 * belong to a profile. Every event is kept with its raw body (refused ones
 * too, marked), and a malformed field never loses the event.
 */
export async function receiveWebhook(
  db: Kysely<Database>,
  input: { sdkAppId: string | null; command: string | null; body: string; clientIp: string | null },
): Promise<WebhookAnswer> {
  const appId = input.sdkAppId && /^\d{1,12}$/.test(input.sdkAppId) ? Number(input.sdkAppId) : null;
  const profileId = appId === null ? undefined : await findProfileIdBySdkAppId(db, appId);
  const command = noNul(input.command ?? "");
  // Refused events are counted in the log, not stored: anyone can post here.
  if (profileId === undefined) {
    log.warn("webhook.refused", { sdkAppId: input.sdkAppId?.slice(0, 20) ?? null, command: command.slice(0, 100) });
    return {
      status: 403,
      body: { ActionStatus: "FAIL", ErrorInfo: "SdkAppid does not belong to a profile of this console", ErrorCode: 1 },
    };
  }
  const event = parseCallEvent(command, input.body);
  const { problems, ...summary } = event;
  const payload = noNul(input.body);
  if (payload !== input.body) problems.push("NUL characters were replaced by U+FFFD");
  await insertCallEvent(db, {
    sdk_app_id: appId,
    profile_id: profileId,
    command: command.slice(0, 100),
    call_id: event.callId ? noNul(event.callId).slice(0, 128) : null,
    event_time: event.eventTime,
    accepted: 1,
    problems: problems.length > 0 ? JSON.stringify(problems) : null,
    summary: JSON.stringify({ ...summary, callId: summary.callId ? noNul(summary.callId) : null }),
    payload,
    client_ip: input.clientIp ? noNul(input.clientIp).slice(0, 64) : null,
  });
  if (problems.length > 0) log.warn("webhook.malformed", { command, callId: event.callId, problems });
  return { status: 200, body: { ...WEBHOOK_OK } };
}
