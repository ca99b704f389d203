import { sql, type Kysely } from "kysely";
import { ulid } from "ulid";
import type { Database } from "./schema";

/** Webhook tokens (one current per profile, older ones until their grace ends), counters, and the per-profile storage cap. */

export async function insertWebhookToken(
  db: Kysely<Database>,
  row: { profileId: string; tokenHash: string; tokenEnc: string },
): Promise<string> {
  const id = ulid();
  await db
    .insertInto("webhook_tokens")
    .values({
      id,
      profile_id: row.profileId,
      token_hash: row.tokenHash,
      token_enc: row.tokenEnc,
      created_at: new Date().toISOString(),
      expires_at: null,
    })
    .execute();
  return id;
}

/** A profile's tokens still accepted at `now`: the current one (no end) first, then those in their grace period. */
export async function liveWebhookTokens(db: Kysely<Database>, profileId: string, now: Date) {
  const rows = await db
    .selectFrom("webhook_tokens")
    .select(["id", "token_enc", "created_at", "expires_at"])
    .where("profile_id", "=", profileId)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now.toISOString())]))
    .orderBy("id", "desc")
    .execute();
  return [...rows.filter((r) => r.expires_at === null), ...rows.filter((r) => r.expires_at !== null)];
}

/** Ends every current token of a profile but one, at `expiresAt`. */
export async function endOtherWebhookTokens(db: Kysely<Database>, profileId: string, keepId: string, expiresAt: Date): Promise<void> {
  await db
    .updateTable("webhook_tokens")
    .set({ expires_at: expiresAt.toISOString() })
    .where("profile_id", "=", profileId)
    .where("id", "!=", keepId)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", expiresAt.toISOString())]))
    .execute();
}

/** The profile a live token belongs to (a deleted profile's tokens lead nowhere). */
export async function profileOfWebhookToken(db: Kysely<Database>, tokenHash: string, now: Date) {
  return db
    .selectFrom("webhook_tokens")
    .innerJoin("profiles", "profiles.id", "webhook_tokens.profile_id")
    .select(["profiles.id", "profiles.sdk_app_id"])
    .where("webhook_tokens.token_hash", "=", tokenHash)
    .where((eb) => eb.or([eb("webhook_tokens.expires_at", "is", null), eb("webhook_tokens.expires_at", ">", now.toISOString())]))
    .executeTakeFirst();
}

export type WebhookCounter = "accepted" | "refused" | "dropped" | "trimmed";
export type WebhookCounts = Record<WebhookCounter, number>;

export async function countWebhookEvents(db: Kysely<Database>, profileId: string, counter: WebhookCounter, by = 1): Promise<void> {
  await db
    .insertInto("webhook_counters")
    .values({ profile_id: profileId, accepted: 0, refused: 0, dropped: 0, trimmed: 0, [counter]: by })
    .onConflict((oc) => oc.column("profile_id").doUpdateSet({ [counter]: sql<number>`webhook_counters.${sql.ref(counter)} + ${by}` }))
    .execute();
}

export async function webhookCounts(db: Kysely<Database>, profileId: string): Promise<WebhookCounts> {
  const row = await db.selectFrom("webhook_counters").selectAll().where("profile_id", "=", profileId).executeTakeFirst();
  return {
    accepted: Number(row?.accepted ?? 0),
    refused: Number(row?.refused ?? 0),
    dropped: Number(row?.dropped ?? 0),
    trimmed: Number(row?.trimmed ?? 0),
  };
}

/** Keeps a profile's newest `cap` events, removing the oldest; returns how many went. */
export async function trimProfileEvents(db: Kysely<Database>, profileId: string, cap: number): Promise<number> {
  const boundary = await db
    .selectFrom("call_events")
    .select("id")
    .where("profile_id", "=", profileId)
    .orderBy("id", "desc")
    .offset(cap)
    .limit(1)
    .executeTakeFirst();
  if (!boundary) return 0;
  const result = await db.deleteFrom("call_events").where("profile_id", "=", profileId).where("id", "<=", boundary.id).executeTakeFirst();
  return Number(result.numDeletedRows);
}
