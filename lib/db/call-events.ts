import "server-only";
import type { Kysely } from "kysely";
import { encodeTime, monotonicFactory } from "ulid";
import type { CallEventsTable, Database } from "./schema";

const nextId = monotonicFactory();

/** Events are kept as long as Tencent keeps records: 7 days. */
const RETENTION_MS = 7 * 24 * 3_600_000;

export async function insertCallEvent(db: Kysely<Database>, row: Omit<CallEventsTable, "id" | "received_at">): Promise<string> {
  const id = nextId();
  // The key starts with the time, so the purge of old events is a range of the primary key.
  await db
    .deleteFrom("call_events")
    .where("id", "<", `${encodeTime(Date.now() - RETENTION_MS, 10)}0000000000000000`)
    .execute();
  await db
    .insertInto("call_events")
    .values({ ...row, id, received_at: new Date().toISOString() })
    .execute();
  return id;
}

/** A call's events for one profile (a CallId means nothing outside its app), in the order they arrived. */
export async function listCallEvents(db: Kysely<Database>, callId: string, profileId: string) {
  return db
    .selectFrom("call_events")
    .selectAll()
    .where("call_id", "=", callId)
    .where("profile_id", "=", profileId)
    .where("accepted", "=", 1)
    .orderBy("id")
    .limit(500)
    .execute();
}
