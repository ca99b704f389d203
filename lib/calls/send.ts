import "server-only";
import type { Kysely } from "kysely";
import { env, outboundPolicy } from "@/lib/env";
import { errorMessage, log } from "@/lib/log";
import { completeRequest, completedColumns, completedEntryFields, insertPendingRequest, type HistoryEntry } from "@/lib/db/requests";
import type { Database } from "@/lib/db/schema";
import type { StartClaim } from "@/lib/db/start-claims";
import { nothingWasSent, prepareRequest, redactOutcome, sendPrepared, type CallOutcome } from "@/lib/tencent/client";
import { isSignatureError } from "@/lib/tencent/error-catalog";
import { answerOf, checkResponse, type CommandName, type RequestOf, type ResponseOf } from "@/lib/tencent/commands";
import { outboundFetch } from "@/lib/tencent/outbound-fetch";
import { loadSigningProfile } from "./profiles";
import { runtime } from "./runtime";

export interface SendCommandInput<C extends CommandName = CommandName> {
  profileId: string;
  command: C;
  /** The body, typed by the command's request schema (callers have checked it). */
  body: RequestOf<C>;
  /** Set by forms: a second submission with the same token returns the first attempt unsent. */
  clientToken?: string | null;
  /** The signed-in user who sends it. */
  operator?: { id: string; email: string } | null;
  robotAccount?: string | null;
  callees?: string[];
  /** Send to this base URL instead of the profile's (the region finder tries each region). */
  baseUrlOverride?: string;
  /** The duplicate-start guard's claim, taken with the attempt's row (see startCallOnce). */
  claim?: StartClaim;
  /** The attempt this one resends to the backup domain. */
  retryOf?: string;
  /** False: the callees are shown with the attempt but not found by a UserID search (callee checks). */
  searchable?: boolean;
  /** The call a follow-up request (end_call, get_call_info, a record) is about. */
  callId?: string | null;
  /** A status read made by watching a call (hidden from the history list by default). */
  background?: boolean;
}

export interface SendCommandResult<C extends CommandName = CommandName> {
  entry: HistoryEntry;
  /**
   * The answer's `Response`, read with the command's response schema: set when
   * the outcome is ok (for a duplicate: when the first attempt's was), else null.
   */
  response: ResponseOf<C> | null;
  /** True when the token had been used: nothing was sent this time. */
  duplicate: boolean;
  /** True when the outcome could not be written back (the entry then still shows pending). */
  unrecorded?: boolean;
}

function responseText(outcome: CallOutcome<unknown>): string | null {
  if (outcome.response !== null && outcome.response !== undefined) return JSON.stringify(outcome.response);
  return outcome.rawBody;
}

/** The typed Response of an attempt already in history (a resubmitted form's first attempt). */
function storedResponse<C extends CommandName>(command: C, entry: HistoryEntry): ResponseOf<C> | null {
  if (entry.outcome !== "ok" || entry.command !== command || typeof entry.response !== "object" || entry.response === null) return null;
  const checked = checkResponse(command, answerOf(command, entry.response));
  return checked.ok ? checked.response : null;
}

/**
 * Records the attempt, signs, sends and records the outcome. Nothing is sent
 * that was not first written to history.
 */
export async function sendCommand<C extends CommandName>(db: Kysely<Database>, input: SendCommandInput<C>): Promise<SendCommandResult<C>> {
  const profile = await loadSigningProfile(db, input.profileId);
  const { row, secretKey } = profile;
  const destination = input.baseUrlOverride ? { baseUrl: input.baseUrlOverride } : profile.destination;
  const userSig = runtime().userSigs.get({ sdkAppId: row.sdk_app_id, identifier: row.admin_identifier, secretKey });
  const prepared = prepareRequest({
    baseUrl: destination.baseUrl,
    command: input.command,
    sdkAppId: row.sdk_app_id,
    identifier: row.admin_identifier,
    userSig,
    body: input.body,
  });

  const pending = await insertPendingRequest(db, {
    clientToken: input.clientToken ?? null,
    command: input.command,
    profileId: row.id,
    profileName: row.name,
    sdkAppId: row.sdk_app_id,
    adminIdentifier: row.admin_identifier,
    baseUrl: destination.baseUrl,
    operator: input.operator ?? null,
    url: prepared.redactedUrl,
    random: prepared.random,
    requestBody: input.body,
    robotAccount: input.robotAccount ?? null,
    callees: input.callees ?? [],
    claim: input.claim,
    retryOf: input.retryOf ?? null,
    searchable: input.searchable,
    callId: input.callId ?? null,
    background: input.background ?? false,
  });
  if (!pending.inserted) {
    log.warn("request.duplicate-submission", { id: pending.existing.id, command: input.command });
    return { entry: pending.existing, response: storedResponse(input.command, pending.existing), duplicate: true };
  }

  const outcome = redactOutcome(
    await sendPrepared(prepared, {
      timeoutMs: env().REQUEST_TIMEOUT_MS,
      // Everything but the in-process simulator goes through the outbound policy, checked where it connects.
      fetchImpl: destination.fetchImpl ?? outboundFetch(outboundPolicy()),
      maxResponseBytes: env().RESPONSE_MAX_BYTES,
    }),
    userSig,
  );
  // A refused signature must not be reused: drop it, so the next send signs a new one (see SIGNATURE_ERROR_CODES).
  if (isSignatureError(outcome.errorCode))
    runtime().userSigs.drop({ sdkAppId: row.sdk_app_id, identifier: row.admin_identifier, secretKey });
  log.info("request.completed", {
    id: pending.id,
    command: input.command,
    profile: row.name,
    outcome: outcome.kind,
    errorCode: outcome.errorCode,
    requestId: outcome.requestId,
    latencyMs: outcome.latencyMs,
  });

  const { kind, response: _json, payload, rawBody: _raw, ...fields } = outcome;
  const completed = { ...fields, outcome: kind, responseBody: responseText(outcome) };
  let recorded: HistoryEntry;
  try {
    recorded = await completeRequest(db, pending.entry, completed);
  } catch (error) {
    // The request went out: report its outcome anyway, and say that history still shows it pending.
    log.error("request.record-failed", { id: pending.id, requestId: outcome.requestId, error: errorMessage(error) });
    return {
      entry: { ...pending.entry, ...completedEntryFields(completedColumns(completed)) },
      response: payload,
      duplicate: false,
      unrecorded: true,
    };
  }
  // The primary domain could not be reached at all (no name, connection refused): nothing was sent, so
  // once, and only then, the same request goes to the region's backup domain, as a new attempt linked to this one.
  if (nothingWasSent(outcome) && destination.fallbackUrl && !input.baseUrlOverride && !input.retryOf) {
    log.warn("request.backup-domain", { id: pending.id, command: input.command, detail: outcome.detail });
    return sendCommand(db, { ...input, clientToken: null, baseUrlOverride: destination.fallbackUrl, retryOf: pending.id });
  }
  return { entry: recorded, response: payload, duplicate: false };
}
