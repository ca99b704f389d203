import type { Kysely } from "kysely";
import { encodeTime } from "ulid";
import { toHistoryEntry, type HistoryEntry } from "./requests";
import type { CallEventsTable, Database } from "./schema";

/** The command whose answer gives a call its CallId. */
export const START_COMMAND = "call_engine_http_srv/start_call_by_robot";

const ulidFloor = (iso: string) => `${encodeTime(Math.max(0, new Date(iso).getTime()), 10)}0000000000000000`;

/** The start that created a call (a CallId is a UUID: one start has it). */
export async function findCallStart(db: Kysely<Database>, callId: string): Promise<HistoryEntry | undefined> {
  const row = await db
    .selectFrom("requests")
    .selectAll()
    .where("call_id", "=", callId)
    .where("command", "=", START_COMMAND)
    .orderBy("id")
    .executeTakeFirst();
  return row ? toHistoryEntry(row) : undefined;
}

/** Every request about a set of calls of one profile each (start and follow-ups), oldest first. */
export async function listCallRequests(db: Kysely<Database>, callIds: string[]): Promise<HistoryEntry[]> {
  if (callIds.length === 0) return [];
  const rows = await db.selectFrom("requests").selectAll().where("call_id", "in", callIds).orderBy("id").limit(5_000).execute();
  return rows.map(toHistoryEntry);
}

/** The accepted webhook events of a set of calls, oldest first. */
export async function listEventsOfCalls(db: Kysely<Database>, callIds: string[]): Promise<CallEventsTable[]> {
  if (callIds.length === 0) return [];
  return db
    .selectFrom("call_events")
    .selectAll()
    .where("call_id", "in", callIds)
    .where("accepted", "=", 1)
    .orderBy("id")
    .limit(5_000)
    .execute();
}

export interface CallStartQuery {
  profile?: string;
  robot?: string;
  callee?: string;
  from?: string;
  to?: string;
  /** The id of the last start of the previous page. */
  cursor?: string;
  limit: number;
}

/**
 * Starts that gave a CallId, newest first, keyset-paginated on the ULID key.
 * Robot and callee go through request_users (indexed by UserID).
 */
export async function listCallStarts(
  db: Kysely<Database>,
  query: CallStartQuery,
): Promise<{ starts: HistoryEntry[]; lastId: string | null }> {
  let select = db
    .selectFrom("requests")
    .selectAll("requests")
    .where("requests.command", "=", START_COMMAND)
    .where("requests.call_id", "is not", null);
  const user = (userId: string, role: "robot" | "callee") =>
    select.where("requests.id", "in", (eb) =>
      eb
        .selectFrom("request_users")
        .select("request_users.request_pk")
        .where("request_users.user_id", "=", userId)
        .where("request_users.role", "=", role),
    );
  if (query.robot) select = user(query.robot, "robot");
  if (query.callee) select = user(query.callee, "callee");
  if (query.profile) select = select.where("requests.profile_id", "=", query.profile);
  if (query.from) select = select.where("requests.id", ">=", ulidFloor(query.from));
  if (query.to) select = select.where("requests.id", "<", ulidFloor(query.to));
  if (query.cursor) select = select.where("requests.id", "<", query.cursor);
  const rows = await select.orderBy("requests.id", "desc").limit(query.limit).execute();
  return { starts: rows.map(toHistoryEntry), lastId: rows.length === query.limit ? (rows[rows.length - 1]?.id ?? null) : null };
}

/**
 * The change feed of the live views: CallIds of the accepted events whose key
 * is at or after `since` (the ULID's time is the receiving instance's clock),
 * newest `limit` of them, oldest first. A range of the primary key.
 */
export async function listEventCallIdsSince(db: Kysely<Database>, since: Date, limit: number): Promise<{ id: string; callId: string }[]> {
  const rows = await db
    .selectFrom("call_events")
    .select(["id", "call_id"])
    .where("id", ">=", ulidFloor(since.toISOString()))
    .where("accepted", "=", 1)
    .where("call_id", "is not", null)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.flatMap((r) => (r.call_id === null ? [] : [{ id: r.id, callId: r.call_id }])).reverse();
}
