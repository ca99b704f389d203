import "server-only";
import type { Kysely } from "kysely";
import { insertCallEvent } from "@/lib/db/call-events";
import { findProfileIdBySdkAppId } from "@/lib/db/profiles";
import type { Database } from "@/lib/db/schema";
import { countWebhookEvents, profileOfWebhookToken, trimProfileEvents } from "@/lib/db/webhook-tokens";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { WEBHOOK_OK, parseCallEvent } from "@/lib/tencent/webhooks";
import { RateLimiter } from "./rate-limit";
import { TOKEN_PATTERN, hashWebhookToken } from "./webhook-tokens";

/** PostgreSQL text cannot hold NUL; it is replaced, and the event kept. */
const noNul = (text: string) => text.replace(/\u0000/g, "\uFFFD");

export interface WebhookAnswer {
  status: number;
  body: { ActionStatus: string; ErrorInfo: string; ErrorCode: number };
}

const fail = (status: number, ErrorCode: number, ErrorInfo: string): WebhookAnswer => ({
  status,
  body: { ActionStatus: "FAIL", ErrorInfo, ErrorCode },
});

export const UNTOKENED_ANSWER = fail(
  401,
  1,
  "this receiver needs the profile's token: set the URL shown in the profile's Webhooks settings (/api/webhooks/call-engine/<token>)",
);

let limiter: { key: string; value: RateLimiter } | undefined;
function rateLimiter(): RateLimiter {
  const { WEBHOOK_RATE_PER_SECOND: rate, WEBHOOK_BURST: burst } = env();
  if (limiter?.key !== `${rate}/${burst}`) limiter = { key: `${rate}/${burst}`, value: new RateLimiter(rate, burst) };
  return limiter.value;
}

/** The profile named by an SdkAppid, for counting a refusal against it ("-" when none). */
async function refusalKey(db: Kysely<Database>, appId: number | null): Promise<string> {
  if (appId === null) return "-";
  return (await findProfileIdBySdkAppId(db, appId)) ?? "-";
}

/**
 * Takes one webhook call. No signature is documented, so the URL carries the
 * profile's secret token: without a live one the event is refused (401),
 * counted and not stored. A profile's events are rate limited (dropped past
 * the limit, 429) and its stored events capped (oldest removed first). A
 * malformed field never loses an accepted event.
 */
export async function receiveWebhook(
  db: Kysely<Database>,
  input: { token: string | null; sdkAppId: string | null; command: string | null; body: string; clientIp: string | null },
): Promise<WebhookAnswer> {
  const appId = input.sdkAppId && /^\d{1,12}$/.test(input.sdkAppId) ? Number(input.sdkAppId) : null;
  const command = noNul(input.command ?? "");
  const token = input.token && TOKEN_PATTERN.test(input.token) ? input.token : null;
  const profile = token ? await profileOfWebhookToken(db, hashWebhookToken(token), new Date()) : undefined;
  // The token must be live and the event's SdkAppid (when given) the token's profile's.
  if (!profile || (input.sdkAppId !== null && appId !== profile.sdk_app_id)) {
    await countWebhookEvents(db, profile?.id ?? (await refusalKey(db, appId)), "refused");
    log.warn("webhook.refused", { sdkAppId: input.sdkAppId?.slice(0, 20) ?? null, command: command.slice(0, 100), token: token !== null });
    return input.token === null ? UNTOKENED_ANSWER : fail(401, 1, "the webhook token is not a live token of a profile of this console");
  }
  if (!rateLimiter().take(profile.id)) {
    await countWebhookEvents(db, profile.id, "dropped");
    return fail(429, 2, "too many events for this profile: try again shortly");
  }
  const event = parseCallEvent(command, input.body);
  const { problems, ...summary } = event;
  const payload = noNul(input.body);
  if (payload !== input.body) problems.push("NUL characters were replaced by U+FFFD");
  await insertCallEvent(db, {
    sdk_app_id: profile.sdk_app_id,
    profile_id: profile.id,
    command: command.slice(0, 100),
    call_id: event.callId ? noNul(event.callId).slice(0, 128) : null,
    event_time: event.eventTime,
    accepted: 1,
    problems: problems.length > 0 ? JSON.stringify(problems) : null,
    summary: JSON.stringify({ ...summary, callId: summary.callId ? noNul(summary.callId) : null }),
    payload,
    client_ip: input.clientIp ? noNul(input.clientIp).slice(0, 64) : null,
  });
  await countWebhookEvents(db, profile.id, "accepted");
  const trimmed = await trimProfileEvents(db, profile.id, env().WEBHOOK_MAX_EVENTS_PER_PROFILE);
  if (trimmed > 0) await countWebhookEvents(db, profile.id, "trimmed", trimmed);
  if (problems.length > 0) log.warn("webhook.malformed", { command, callId: event.callId, problems });
  return { status: 200, body: { ...WEBHOOK_OK } };
}
