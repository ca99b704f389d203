import { createHash } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "./schema";

/**
 * The duplicate-start guard's claim: the latest start of one profile, robot
 * and callee set. Taken in the same transaction that writes the attempt, with
 * one INSERT ... ON CONFLICT DO UPDATE ... WHERE, so of identical starts
 * arriving together exactly one gets it; the others wait for it to commit and
 * then see it (PostgreSQL locks the conflicting row; SQLite runs one write
 * transaction at a time).
 */
export interface StartClaim {
  key: string;
  atMs: number;
  /** A claim younger than this holds. */
  windowMs: number;
  /** The operator confirmed: take the claim whatever its age. */
  force: boolean;
  clientToken: string | null;
}

/** The same key whatever the order of the callees. */
export function startClaimKey(input: { profileId: string; robotAccount: string; callees: string[] }): string {
  const callees = [...input.callees].sort();
  return createHash("sha256")
    .update(JSON.stringify([input.profileId, input.robotAccount, callees]))
    .digest("hex");
}

/** Takes the claim for the attempt `requestPk`; false when a younger claim of another submission holds. */
export async function takeStartClaim(trx: Transaction<Database>, claim: StartClaim, requestPk: string): Promise<boolean> {
  const row = await trx
    .insertInto("start_claims")
    .values({ key: claim.key, claimed_at_ms: claim.atMs, client_token: claim.clientToken, request_pk: requestPk })
    .onConflict((oc) => {
      const update = oc.column("key").doUpdateSet({
        claimed_at_ms: (eb) => eb.ref("excluded.claimed_at_ms"),
        client_token: (eb) => eb.ref("excluded.client_token"),
        request_pk: (eb) => eb.ref("excluded.request_pk"),
      });
      if (claim.force) return update;
      return update.where((eb) =>
        eb.or([
          eb("start_claims.claimed_at_ms", "<=", claim.atMs - claim.windowMs),
          // The same submission again: the attempt's own token decides (it is not sent twice).
          eb("start_claims.client_token", "=", sql<string>`excluded.client_token`),
        ]),
      );
    })
    .returning("key")
    .executeTakeFirst();
  return row !== undefined;
}

/** The attempt that holds a claim. */
export async function startClaimHolder(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom("start_claims").select("request_pk").where("key", "=", key).executeTakeFirst();
  return row?.request_pk ?? null;
}
