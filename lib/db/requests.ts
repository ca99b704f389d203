import "server-only";
import type { Kysely } from "kysely";
import { monotonicFactory } from "ulid";
import type { CallOutcome } from "@/lib/tencent/client";
import type { CalleeResult, OutcomeKind } from "@/lib/tencent/outcomes";
import { commitWithoutFlush } from "./durability";
import { partialRequestKey, requestKeyOf } from "./request-keys";
import { countInRollup } from "./rollups";
import type { Database, RequestRow } from "./schema";
import { startClaimHolder, takeStartClaim, type StartClaim } from "./start-claims";
import { storableJsonText, storableText } from "./text";

export { partialRequestKey, requestKeyOf };

const nextId = monotonicFactory();

/** A history entry as the rest of the console uses it: JSON columns parsed. */
export interface HistoryEntry extends Omit<RequestRow, "request_body" | "callees" | "call_result" | "response_body"> {
  requestBody: unknown;
  callees: string[];
  callResult: CalleeResult[] | null;
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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** The callees column: a JSON list of UserIDs written by insertPendingRequest. */
function parseCallees(text: string | null): string[] {
  const value = parseJson(text);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The call_result column: a JSON list of {Callee_Account, ResultCode} written by completedColumns. */
function parseCallResult(text: string | null): CalleeResult[] | null {
  const value = parseJson(text);
  if (!Array.isArray(value)) return null;
  return value.flatMap((r) =>
    isObject(r) && typeof r.Callee_Account === "string" && typeof r.ResultCode === "number"
      ? [{ Callee_Account: r.Callee_Account, ResultCode: r.ResultCode }]
      : [],
  );
}

/** The one mapper from a row to an entry (the JSON columns parsed). */
export function toHistoryEntry(row: RequestRow): HistoryEntry {
  const { request_body, callees, ...rest } = row;
  return { ...completedEntryFields(rest), requestBody: parseJson(request_body), callees: parseCallees(callees) };
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
  /** Follow-up requests (end_call, get_call_info, records) carry the CallId of their call. */
  callId?: string | null;
  /** A status read made by watching a call: hidden from the history list by default. */
  background?: boolean;
  /** The attempt this one resends (to the backup domain), if any. */
  retryOf?: string | null;
  /** False: keep the callees for display only, not in the UserID search (the call form's callee checks). */
  searchable?: boolean;
  /** The duplicate-start guard: taken with the insert, or nothing is written (StartClaimedError). */
  claim?: StartClaim;
}

/** An identical start holds the claim: nothing was written or sent. */
export class StartClaimedError extends Error {
  override readonly name = "StartClaimedError";
  constructor(readonly previous: HistoryEntry) {
    super(`an identical start (${previous.id}) went out within the window`);
  }
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
    retry_of: input.retryOf ?? null,
    call_id: input.callId ?? null,
    call_result: null,
    response_body: null,
    detail: null,
    latency_ms: null,
    created_at: new Date().toISOString(),
    completed_at: null,
    background: input.background ? 1 : 0,
  };
  const refused = new Error("start claim refused");
  try {
    await db.transaction().execute(async (trx) => {
      if (input.claim && !(await takeStartClaim(trx, input.claim, id))) throw refused;
      await trx.insertInto("requests").values(row).execute();
      const users = [
        ...(input.robotAccount ? [{ request_pk: id, user_id: input.robotAccount, role: "robot" as const }] : []),
        ...(input.searchable === false ? [] : [...new Set(input.callees)]).map((user_id) => ({
          request_pk: id,
          user_id,
          role: "callee" as const,
        })),
      ];
      if (users.length > 0) await trx.insertInto("request_users").values(users).execute();
    });
  } catch (error) {
    if (error === refused && input.claim) {
      const holder = await startClaimHolder(db, input.claim.key);
      const previous = holder ? await getRequest(db, holder) : undefined;
      if (previous) throw new StartClaimedError(previous);
      throw new Error("the duplicate-start claim is held by an attempt that is not in history");
    }
    if (input.clientToken && isUniqueViolation(error)) {
      const existing = await findByClientToken(db, input.clientToken);
      if (existing) return { inserted: false, existing };
    }
    throw error;
  }
  return { inserted: true, id, entry: toHistoryEntry(row) };
}

/** What completes an attempt: the client's outcome, with the answer as the text to store. */
export interface CompletedOutcome extends Pick<
  CallOutcome,
  "httpStatus" | "actionStatus" | "errorCode" | "errorInfo" | "requestId" | "callId" | "callResult" | "detail"
> {
  outcome: OutcomeKind;
  responseBody: string | null;
  latencyMs: number | null;
}

/**
 * The columns an outcome sets. Every text that came from the gateway passes
 * storableText here (NUL and broken characters become U+FFFD): nothing in an
 * answer can make the write fail.
 */
export function completedColumns(result: CompletedOutcome) {
  const requestId = storableText(result.requestId);
  return {
    outcome: result.outcome,
    http_status: result.httpStatus,
    action_status: storableText(result.actionStatus),
    error_code: result.errorCode,
    error_info: storableText(result.errorInfo),
    request_id: requestId,
    request_key: requestKeyOf(requestId),
    call_id: storableText(result.callId),
    call_result: result.callResult ? storableJsonText(JSON.stringify(result.callResult)) : null,
    response_body: storableJsonText(result.responseBody),
    detail: storableText(result.detail),
    latency_ms: result.latencyMs,
    completed_at: new Date().toISOString(),
  } satisfies Partial<RequestRow>;
}

/**
 * Records an attempt's outcome and returns the completed entry. The hourly
 * rollup counts it in the same transaction, once (only a pending row completes).
 * When the full outcome cannot be written, its kind, status and code are, with
 * a note (the row does not stay pending), and the error is thrown for the
 * caller to log and report as unrecorded.
 */
export async function completeRequest(db: Kysely<Database>, pending: HistoryEntry, result: CompletedOutcome): Promise<HistoryEntry> {
  // A follow-up's CallId was set when it was written; its answer carries none.
  const completed = completedColumns(result);
  const columns = { ...completed, call_id: completed.call_id ?? pending.call_id };
  try {
    await db.transaction().execute(async (trx) => {
      // The pending row is already durable; the outcome may skip the flush (see durability.ts).
      await commitWithoutFlush(trx);
      const updated = await trx
        .updateTable("requests")
        .set(columns)
        .where("id", "=", pending.id)
        .where("outcome", "=", "pending")
        .executeTakeFirst();
      // Background reads are hidden from the history list by default, so the overview (whose bars open that list) leaves them out too.
      if (Number(updated.numUpdatedRows) === 1 && pending.background !== 1) await countInRollup(trx, { ...pending, ...columns });
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await db
      .updateTable("requests")
      .set({
        outcome: columns.outcome,
        http_status: columns.http_status,
        error_code: columns.error_code,
        latency_ms: columns.latency_ms,
        detail: storableText(`the full answer could not be stored (${reason.slice(0, 200)})`),
        completed_at: columns.completed_at,
      })
      .where("id", "=", pending.id)
      .where("outcome", "=", "pending")
      .execute()
      .catch(() => undefined);
    throw error;
  }
  return { ...pending, ...completedEntryFields(columns) };
}

/** Outcome columns as entry fields: used by toHistoryEntry, and for an outcome that could not be written. */
export function completedEntryFields<T extends { call_result: string | null; response_body: string | null }>(
  columns: T,
): Omit<T, "call_result" | "response_body"> & Pick<HistoryEntry, "callResult" | "response"> {
  const { call_result, response_body, ...rest } = columns;
  return { ...rest, callResult: parseCallResult(call_result), response: parseJson(response_body) };
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
