import type { Kysely } from "kysely";
import { createProfile } from "@/lib/db/profiles";
import { completeRequest, insertPendingRequest, type CompletedOutcome, type HistoryEntry, type PendingRequest } from "@/lib/db/requests";
import type { Database } from "@/lib/db/schema";

/** History fixtures for repository tests: a profile to write under, attempts and outcomes with plain defaults. */

export interface TestProfile {
  id: string;
  name: string;
  sdkAppId: number;
}

/** A custom profile (no usable key: these tests never send). */
export async function makeProfile(db: Kysely<Database>, name: string, sdkAppId: number): Promise<TestProfile> {
  const id = await createProfile(db, {
    name,
    kind: "custom",
    sdk_app_id: sdkAppId,
    admin_identifier: "administrator",
    region: "singapore",
    base_url: null,
    secret_key_enc: "x",
    key_fingerprint: "…x",
  });
  return { id, name, sdkAppId };
}

/** A start_call_by_robot attempt of the profile, as it is written before it is sent. */
export function pendingAttempt(profile: TestProfile, over: Partial<PendingRequest> = {}): PendingRequest {
  return {
    clientToken: null,
    command: "call_engine_http_srv/start_call_by_robot",
    profileId: profile.id,
    profileName: profile.name,
    sdkAppId: profile.sdkAppId,
    adminIdentifier: "administrator",
    baseUrl: "https://example.test",
    operator: null,
    url: "https://example.test/v4/x?usersig=<USERSIG>",
    random: 1,
    requestBody: {},
    robotAccount: "robot",
    callees: ["callee"],
    ...over,
  };
}

/** A successful answer, unless told otherwise. */
export function outcome(over: Partial<CompletedOutcome> = {}): CompletedOutcome {
  return {
    outcome: "ok",
    httpStatus: 200,
    actionStatus: "OK",
    errorCode: 0,
    errorInfo: "",
    requestId: null,
    callId: null,
    callResult: null,
    responseBody: null,
    detail: null,
    latencyMs: 40,
    ...over,
  };
}

/** Writes the pending attempt; fails the test when its token was used already. */
export async function insertAttempt(db: Kysely<Database>, input: PendingRequest): Promise<HistoryEntry> {
  const r = await insertPendingRequest(db, input);
  if (!r.inserted) throw new Error("not inserted: the client token was used already");
  return r.entry;
}

/** Writes an attempt and its outcome, as sendCommand does around the request. */
export async function recordAttempt(db: Kysely<Database>, input: PendingRequest, result: CompletedOutcome): Promise<HistoryEntry> {
  return completeRequest(db, await insertAttempt(db, input), result);
}
