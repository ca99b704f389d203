import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { env, publicUrl } from "@/lib/env";
import { auditBy } from "@/lib/db/audit";
import type { Database } from "@/lib/db/schema";
import { endOtherWebhookTokens, insertWebhookToken, liveWebhookTokens, webhookCounts, type WebhookCounts } from "@/lib/db/webhook-tokens";
import type { Actor } from "@/lib/forms/roles";
import { decryptSecret, encryptSecret } from "@/lib/secrets";
import { runtime } from "./runtime";

/**
 * Each profile's webhook token: 256 random bits in its receiver URL
 * (/api/webhooks/call-engine/<token>). The database keeps its SHA-256 to find
 * it and an encrypted copy to show the admin, who sets the URL at Tencent.
 */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashWebhookToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function receiverUrlFor(token: string): string {
  return `${publicUrl()}/api/webhooks/call-engine/${token}`;
}

async function issue(db: Kysely<Database>, profileId: string): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString("base64url");
  const id = await insertWebhookToken(db, {
    profileId,
    tokenHash: hashWebhookToken(token),
    tokenEnc: encryptSecret(runtime().masterKey, token),
  });
  return { id, token };
}

export interface WebhookReceiverView {
  url: string;
  /** Older URLs that still work, and until when. */
  previous: { url: string; until: string }[];
  counts: WebhookCounts;
  graceHours: number;
}

/** The profile's receiver URLs (its first token is made here) and its counts. For the admin's page only. */
export async function webhookReceiver(db: Kysely<Database>, profileId: string): Promise<WebhookReceiverView> {
  const now = new Date();
  let live = await liveWebhookTokens(db, profileId, now);
  if (!live.some((t) => t.expires_at === null)) {
    await issue(db, profileId);
    live = await liveWebhookTokens(db, profileId, now);
  }
  const key = runtime().masterKey;
  const [current, ...older] = live;
  return {
    url: current ? receiverUrlFor(decryptSecret(key, current.token_enc)) : "",
    previous: older.map((t) => ({ url: receiverUrlFor(decryptSecret(key, t.token_enc)), until: t.expires_at ?? "" })),
    counts: await webhookCounts(db, profileId),
    graceHours: env().WEBHOOK_TOKEN_GRACE_HOURS,
  };
}

/** A new token; the current ones keep working for WEBHOOK_TOKEN_GRACE_HOURS. */
export async function rotateWebhookToken(db: Kysely<Database>, profile: { id: string; name: string }, actor: Actor): Promise<void> {
  const fresh = await issue(db, profile.id);
  const until = new Date(Date.now() + env().WEBHOOK_TOKEN_GRACE_HOURS * 3_600_000);
  await endOtherWebhookTokens(db, profile.id, fresh.id, until);
  await auditBy(
    db,
    actor,
    "profile.webhook_token_rotated",
    { type: "profile", id: profile.id, label: profile.name },
    {
      previousValidUntil: until.toISOString(),
    },
  );
}
