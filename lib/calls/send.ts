import "server-only";
import type { Kysely } from "kysely";
import { env } from "@/lib/env";
import { errorMessage, log } from "@/lib/log";
import { completeRequest, completedColumns, completedEntryFields, insertPendingRequest, type HistoryEntry } from "@/lib/db/requests";
import type { Database } from "@/lib/db/schema";
import { prepareRequest, redactOutcome, sendPrepared, type CallOutcome } from "@/lib/tencent/client";
import type { Command } from "@/lib/tencent/commands";
import { loadSigningProfile } from "./profiles";
import { runtime } from "./runtime";

export interface SendCommandInput {
  profileId: string;
  command: Command;
  body: unknown;
  /** Set by forms: a second submission with the same token returns the first attempt unsent. */
  clientToken?: string | null;
  /** The signed-in user who sends it. */
  operator?: { id: string; email: string } | null;
  robotAccount?: string | null;
  callees?: string[];
  /** Send to this base URL instead of the profile's (the region finder tries each region). */
  baseUrlOverride?: string;
  /** The call a follow-up request (end_call, get_call_info, a record) is about. */
  callId?: string | null;
  /** A status read made by watching a call (hidden from the history list by default). */
  background?: boolean;
}

export interface SendCommandResult {
  entry: HistoryEntry;
  /** True when the token had been used: nothing was sent this time. */
  duplicate: boolean;
  /** True when the outcome could not be written back (the entry then still shows pending). */
  unrecorded?: boolean;
}

function responseText(outcome: CallOutcome): string | null {
  if (outcome.response !== null && outcome.response !== undefined) return JSON.stringify(outcome.response);
  return outcome.rawBody;
}

/**
 * Records the attempt, signs, sends and records the outcome. Nothing is sent
 * that was not first written to history.
 */
export async function sendCommand(db: Kysely<Database>, input: SendCommandInput): Promise<SendCommandResult> {
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
    callId: input.callId ?? null,
    background: input.background ?? false,
  });
  if (!pending.inserted) {
    log.warn("request.duplicate-submission", { id: pending.existing.id, command: input.command });
    return { entry: pending.existing, duplicate: true };
  }

  const outcome = redactOutcome(
    await sendPrepared(prepared, { timeoutMs: env().REQUEST_TIMEOUT_MS, fetchImpl: destination.fetchImpl }),
    userSig,
  );
  log.info("request.completed", {
    id: pending.id,
    command: input.command,
    profile: row.name,
    outcome: outcome.kind,
    errorCode: outcome.errorCode,
    requestId: outcome.requestId,
    latencyMs: outcome.latencyMs,
  });

  const completed = {
    outcome: outcome.kind,
    httpStatus: outcome.httpStatus,
    actionStatus: outcome.actionStatus,
    errorCode: outcome.errorCode,
    errorInfo: outcome.errorInfo,
    requestId: outcome.requestId,
    callId: outcome.callId ?? input.callId ?? null,
    callResult: outcome.callResult,
    responseBody: responseText(outcome),
    detail: outcome.detail,
    latencyMs: outcome.latencyMs,
  };
  try {
    return { entry: await completeRequest(db, pending.entry, completed), duplicate: false };
  } catch (error) {
    // The request went out: report its outcome anyway, and say that history still shows it pending.
    log.error("request.record-failed", { id: pending.id, requestId: outcome.requestId, error: errorMessage(error) });
    return {
      entry: { ...pending.entry, ...completedEntryFields(completedColumns(completed)) },
      duplicate: false,
      unrecorded: true,
    };
  }
}
