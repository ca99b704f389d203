import "server-only";
import type { Kysely } from "kysely";
import { monotonicFactory } from "ulid";
import type { CallOutcome } from "@/lib/tencent/client";
import type { CalleeResult, OutcomeKind } from "@/lib/tencent/outcomes";
import { requestKeyOf } from "./request-keys";
import type { Database, RequestRow, RequestUsersTable } from "./schema";
import type { StartClaim } from "./start-claims";
import { storableJsonText, storableText } from "./text";

/** An attempt's rows and their mapping to the entries the rest of the console uses. */

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

/** The callees column: a JSON list of UserIDs written by pendingRow. */
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

/** The row an attempt is written as before it is sent, under a new id (a ULID: it sorts by time). */
export function pendingRow(input: PendingRequest): RequestRow {
  return {
    id: nextId(),
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
}

/** The UserID search's rows of an attempt: its robot, and its callees once each (unless not searchable). */
export function requestUsers(input: PendingRequest, id: string): RequestUsersTable[] {
  return [
    ...(input.robotAccount ? [{ request_pk: id, user_id: input.robotAccount, role: "robot" as const }] : []),
    ...(input.searchable === false ? [] : [...new Set(input.callees)]).map((user_id) => ({
      request_pk: id,
      user_id,
      role: "callee" as const,
    })),
  ];
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

export type CompletedColumns = ReturnType<typeof completedColumns>;

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

export async function findByClientToken(db: Kysely<Database>, token: string): Promise<HistoryEntry | undefined> {
  const row = await db.selectFrom("requests").selectAll().where("client_token", "=", token).executeTakeFirst();
  return row ? toHistoryEntry(row) : undefined;
}
