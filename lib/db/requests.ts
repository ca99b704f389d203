import type { Kysely } from "kysely";
import { encodeTime, monotonicFactory } from "ulid";
import type { HistoryFilters } from "@/lib/forms/history-filters";
import type { Database, RequestOutcome, RequestRow } from "./schema";

const nextId = monotonicFactory();

export interface CalleeResultRow {
  Callee_Account: string;
  ResultCode: number;
}

/** A history entry as the rest of the console uses it: JSON columns parsed. */
export interface HistoryEntry extends Omit<RequestRow, "request_body" | "callees" | "call_result" | "response_body"> {
  requestBody: unknown;
  callees: string[];
  callResult: CalleeResultRow[] | null;
  /** The parsed JSON answer, or the raw text when it was not JSON. */
  response: unknown;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function toHistoryEntry(row: RequestRow): HistoryEntry {
  const { request_body, callees, call_result, response_body, ...rest } = row;
  return {
    ...rest,
    requestBody: parseJson(request_body),
    callees: (parseJson(callees) as string[] | null) ?? [],
    callResult: parseJson(call_result) as CalleeResultRow[] | null,
    response: parseJson(response_body),
  };
}

export interface PendingRequest {
  clientToken: string | null;
  command: string;
  profileId: string;
  profileName: string;
  sdkAppId: number;
  adminIdentifier: string;
  baseUrl: string;
  operator: { id: string; email: string } | null;
  url: string;
  random: number;
  requestBody: unknown;
  robotAccount: string | null;
  callees: string[];
}

export type InsertPendingResult = { inserted: true; id: string; entry: HistoryEntry } | { inserted: false; existing: HistoryEntry };

function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || (typeof message === "string" && /UNIQUE constraint/i.test(message));
}

/**
 * Writes the attempt before it is sent. When the same client token was used
 * already (a double click, a resubmitted form), nothing is written and the
 * earlier attempt is returned instead: it must not be sent twice.
 */
export async function insertPendingRequest(db: Kysely<Database>, input: PendingRequest): Promise<InsertPendingResult> {
  if (input.clientToken) {
    const existing = await findByClientToken(db, input.clientToken);
    if (existing) return { inserted: false, existing };
  }
  const id = nextId();
  const row: RequestRow = {
    id,
    client_token: input.clientToken,
    command: input.command,
    profile_id: input.profileId,
    profile_name: input.profileName,
    sdk_app_id: input.sdkAppId,
    admin_identifier: input.adminIdentifier,
    base_url: input.baseUrl,
    operator: input.operator?.email ?? null,
    operator_id: input.operator?.id ?? null,
    url: input.url,
    random: input.random,
    request_body: JSON.stringify(input.requestBody),
    robot_account: input.robotAccount,
    callees: JSON.stringify(input.callees),
    outcome: "pending",
    http_status: null,
    action_status: null,
    error_code: null,
    error_info: null,
    request_id: null,
    request_key: null,
    call_id: null,
    call_result: null,
    response_body: null,
    detail: null,
    latency_ms: null,
    created_at: new Date().toISOString(),
    completed_at: null,
  };
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("requests").values(row).execute();
      const users = [
        ...(input.robotAccount ? [{ request_pk: id, user_id: input.robotAccount, role: "robot" as const }] : []),
        ...[...new Set(input.callees)].map((user_id) => ({ request_pk: id, user_id, role: "callee" as const })),
      ];
      if (users.length > 0) await trx.insertInto("request_users").values(users).execute();
    });
  } catch (error) {
    if (input.clientToken && isUniqueViolation(error)) {
      const existing = await findByClientToken(db, input.clientToken);
      if (existing) return { inserted: false, existing };
    }
    throw error;
  }
  return { inserted: true, id, entry: toHistoryEntry(row) };
}

export interface CompletedOutcome {
  outcome: Exclude<RequestOutcome, "pending">;
  httpStatus: number | null;
  actionStatus: string | null;
  errorCode: number | null;
  errorInfo: string | null;
  requestId: string | null;
  callId: string | null;
  callResult: CalleeResultRow[] | null;
  responseBody: string | null;
  detail: string | null;
  latencyMs: number | null;
}

/** ULIDs start with their time, so a time range is a range of the primary key. */
const ulidFloor = (iso: string) => `${encodeTime(Math.max(0, new Date(iso).getTime()), 10)}0000000000000000`;

/** The 32 hex digits of a RequestId ("Id-<32 hex>-O-Seq-<n>"), lower-cased. */
export function requestKeyOf(requestId: string | null): string | null {
  const match = /^Id-([0-9a-f]{32})-/i.exec(requestId ?? "");
  return match?.[1]?.toLowerCase() ?? null;
}

/** A partial RequestId people paste: at least 6 of its hex digits, with or without "Id-". */
export function partialRequestKey(text: string): string | null {
  const match = /^(?:Id-)?([0-9a-f]{6,32})$/i.exec(text.trim());
  return match?.[1]?.toLowerCase() ?? null;
}

/** The smallest hex string above every string starting with the prefix, or null when there is none ("fff..."). */
function hexUpperBound(prefix: string): string | null {
  const digits = prefix.split("");
  for (let i = digits.length - 1; i >= 0; i--) {
    const value = parseInt(digits[i] ?? "f", 16);
    if (value < 15) return [...digits.slice(0, i), (value + 1).toString(16)].join("");
  }
  return null;
}

/** The columns an outcome sets. */
export function completedColumns(result: CompletedOutcome) {
  return {
    outcome: result.outcome,
    http_status: result.httpStatus,
    action_status: result.actionStatus,
    error_code: result.errorCode,
    error_info: result.errorInfo,
    request_id: result.requestId,
    request_key: requestKeyOf(result.requestId),
    call_id: result.callId,
    call_result: result.callResult ? JSON.stringify(result.callResult) : null,
    response_body: result.responseBody,
    detail: result.detail,
    latency_ms: result.latencyMs,
    completed_at: new Date().toISOString(),
  } satisfies Partial<RequestRow>;
}

/** Records an attempt's outcome and returns the completed entry. */
export async function completeRequest(db: Kysely<Database>, pending: HistoryEntry, result: CompletedOutcome): Promise<HistoryEntry> {
  const columns = completedColumns(result);
  await db.updateTable("requests").set(columns).where("id", "=", pending.id).execute();
  return { ...pending, ...completedEntryFields(columns) };
}

/** The same outcome as entry fields, for when it could not be written. */
export function completedEntryFields(columns: ReturnType<typeof completedColumns>): Partial<HistoryEntry> {
  const { call_result, response_body, ...rest } = columns;
  return {
    ...rest,
    callResult: call_result ? (JSON.parse(call_result) as CalleeResultRow[]) : null,
    response: parseJson(response_body),
  };
}

export async function getRequest(db: Kysely<Database>, id: string): Promise<HistoryEntry | undefined> {
  const row = await db.selectFrom("requests").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toHistoryEntry(row) : undefined;
}

export async function findByRequestId(db: Kysely<Database>, requestId: string): Promise<HistoryEntry | undefined> {
  const row = await db.selectFrom("requests").selectAll().where("request_id", "=", requestId).orderBy("id", "desc").executeTakeFirst();
  return row ? toHistoryEntry(row) : undefined;
}

async function findByClientToken(db: Kysely<Database>, token: string): Promise<HistoryEntry | undefined> {
  const row = await db.selectFrom("requests").selectAll().where("client_token", "=", token).executeTakeFirst();
  return row ? toHistoryEntry(row) : undefined;
}

/** Starts from one profile and robot since a time (served by the profile_id, id index). */
export async function findRecentStarts(
  db: Kysely<Database>,
  input: { command: string; profileId: string; robotAccount: string; since: Date },
): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom("requests")
    .selectAll()
    .where("profile_id", "=", input.profileId)
    .where("id", ">=", ulidFloor(input.since.toISOString()))
    .where("command", "=", input.command)
    .where("robot_account", "=", input.robotAccount)
    .orderBy("id", "desc")
    .limit(50)
    .execute();
  return rows.map(toHistoryEntry);
}

export interface HistoryQuery extends HistoryFilters {
  /** The id of the last entry of the previous page. */
  cursor?: string;
  limit: number;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  nextCursor: string | null;
}

/**
 * Newest first, keyset-paginated on the ULID primary key (limit + 1 tells
 * whether more exist). Every filter is served by an index: RequestId, its hex
 * key (partial), CallId, the users table (robot and callees), outcome, error
 * code, command, profile, operator, and the key itself for time.
 */
export async function listRequests(db: Kysely<Database>, query: HistoryQuery): Promise<HistoryPage> {
  let select = db.selectFrom("requests").selectAll("requests");
  const q = query.q?.trim();
  if (q) {
    const partial = partialRequestKey(q);
    const upper = partial ? hexUpperBound(partial) : null;
    // A whole RequestId matches by its hex key, whatever the case of its letters.
    const whole = requestKeyOf(q);
    select = select.where((eb) =>
      eb.or([
        eb("requests.request_id", "=", q),
        ...(whole ? [eb("requests.request_key", "=", whole)] : []),
        eb("requests.call_id", "=", q),
        eb("requests.id", "=", q),
        eb("requests.id", "in", eb.selectFrom("request_users").select("request_users.request_pk").where("request_users.user_id", "=", q)),
        ...(partial
          ? [eb.and([eb("requests.request_key", ">=", partial), ...(upper ? [eb("requests.request_key", "<", upper)] : [])])]
          : []),
      ]),
    );
  }
  if (query.outcome) select = select.where("requests.outcome", "=", query.outcome);
  if (query.code !== undefined) select = select.where("requests.error_code", "=", query.code);
  if (query.command) select = select.where("requests.command", "=", query.command);
  if (query.profile) select = select.where("requests.profile_id", "=", query.profile);
  if (query.operator) select = select.where("requests.operator_id", "=", query.operator);
  if (query.from) select = select.where("requests.id", ">=", ulidFloor(query.from));
  if (query.to) select = select.where("requests.id", "<", ulidFloor(query.to));
  if (query.cursor) select = select.where("requests.id", "<", query.cursor);
  const rows = await select
    .orderBy("requests.id", "desc")
    .limit(query.limit + 1)
    .execute();
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  return {
    entries: page.map(toHistoryEntry),
    nextCursor: more ? (page[page.length - 1]?.id ?? null) : null,
  };
}
