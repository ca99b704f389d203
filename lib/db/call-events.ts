import type { Kysely } from "kysely";
import { monotonicFactory } from "ulid";
import type { CallEventsTable, Database } from "./schema";

const nextId = monotonicFactory();

export async function insertCallEvent(db: Kysely<Database>, row: Omit<CallEventsTable, "id" | "received_at">): Promise<string> {
  const id = nextId();
  await db
    .insertInto("call_events")
    .values({ ...row, id, received_at: new Date().toISOString() })
    .execute();
  return id;
}

/** A call's accepted events in the order they arrived. */
export async function listCallEvents(db: Kysely<Database>, callId: string) {
  return db
    .selectFrom("call_events")
    .selectAll()
    .where("call_id", "=", callId)
    .where("accepted", "=", 1)
    .orderBy("id")
    .limit(500)
    .execute();
}
