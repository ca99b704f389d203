/**
 * The one error catalog. Every place that shows an outcome looks it up here:
 * ErrorCodes of the REST API and the transport outcomes the client classifies.
 */
import type { Outcome, OutcomeKind, TransportOutcome } from "./outcomes";

export type { OutcomeKind, TransportOutcome };

export type Retry =
  /** Sending again unchanged may succeed (after a pause where it says so). */
  | "retry"
  /** Sending again only helps once something was fixed. */
  | "fix-first"
  /** Sending again will not help; someone else must act. */
  | "no";

export interface CatalogEntry {
  title: string;
  cause: string;
  action: string;
  retry: Retry;
  /**
   * The request may have been carried out although the console did not see a
   * success (timeouts, internal errors). A start sent again can ring twice.
   */
  mayHaveTakenEffect?: boolean;
}

type Entry = CatalogEntry;
const entry = (title: string, cause: string, action: string, retry: Retry, mayHaveTakenEffect = false): Entry => ({
  title,
  cause,
  action,
  retry,
  ...(mayHaveTakenEffect ? { mayHaveTakenEffect } : {}),
});

const rateLimit = entry(
  "Rate limit exceeded",
  "More than 200 requests per second reached this API for this SDKAppID.",
  "Back off for a second or two and send again; spread bursts out.",
  "retry",
);
const signatureCheck = entry(
  "Account or signature check failed",
  "The gateway could not check the admin account or its UserSig.",
  "Check the profile's admin identifier and SecretKey; if they are right, try again later.",
  "fix-first",
);
const malformedSig = entry(
  "UserSig malformed",
  "The UserSig in the URL could not be decoded: cut short, URL-encoded twice, or not a UserSig.",
  "If it recurs with a new signature, check that a proxy in front of the base URL does not rewrite the query string.",
  "fix-first",
);
const internalTimeout = entry(
  "Internal timeout",
  "A service behind the REST gateway did not answer in time.",
  "Try again in a moment.",
  "retry",
  true,
);
const webhookInternal = entry(
  "Webhook configuration: internal error",
  "The Call Engine could not read or write the callback configuration.",
  "Try again in a moment.",
  "retry",
);

const CATALOG: Readonly<Record<number, Entry>> = {
  0: entry("Success", "The Call Engine accepted the request.", "Nothing to do.", "no"),
  60002: entry(
    "URL could not be parsed",
    "The request URL or its query string is malformed.",
    "Check the base URL of the profile and any proxy rewriting the query string.",
    "fix-first",
  ),
  60003: entry("Body is not valid JSON", "The gateway could not parse the request body as JSON.", "Fix the JSON body.", "fix-first"),
  60004: signatureCheck,
  60005: signatureCheck,
  60006: entry("Invalid SDKAppID", "The sdkappid in the URL is not a valid application.", "Check the profile's SDKAppID.", "fix-first"),
  60007: rateLimit,
  60008: entry(
    "Service timeout or malformed HTTP request",
    "The gateway timed out or could not read the HTTP request.",
    "Check the request and try again.",
    "retry",
    true,
  ),
  60009: entry(
    "Wrong resource path",
    "The path is not /v4/<service>/<command> of an existing API.",
    "Check the base URL of the profile: it must not add a path of its own.",
    "fix-first",
  ),
  60010: entry(
    "Identifier is not an App admin",
    "The identifier in the URL is not an administrator account of this app.",
    "Use an App admin account (Tencent creates `administrator` when the Call package is activated).",
    "fix-first",
  ),
  60011: rateLimit,
  60012: entry("SDKAppID missing", "The URL has no sdkappid parameter.", "Add sdkappid to the query string.", "fix-first"),
  60013: entry(
    "Server could not parse its response",
    "An internal service answered something the gateway could not read.",
    "Contact Tencent support with the RequestId.",
    "no",
  ),
  60014: entry("Account check timed out", "Checking the admin account took too long.", "Try again.", "retry"),
  60015: entry(
    "A UserID is not a JSON string",
    "A UserID in the body was sent as a number or another non-string value.",
    "Send every UserID as a JSON string.",
    "fix-first",
  ),
  60016: entry("SDKAppID disabled", "This SDKAppID has been disabled.", "Contact Tencent support.", "no"),
  60017: entry("Requests disabled", "REST requests are disabled for this SDKAppID.", "Contact Tencent support.", "no"),
  60018: rateLimit,
  60019: rateLimit,
  60020: entry(
    "No valid plan",
    "The app has no active plan (expired or in arrears).",
    "Buy or renew the Call plan in the Tencent Cloud console.",
    "no",
  ),
  60021: entry(
    "Caller IP not allowed",
    "The address this console sends from is not on the app's IP allow-list.",
    "Add the console server's public IP to the allow-list.",
    "fix-first",
  ),
  60025: entry(
    "Query string incomplete",
    "sdkappid, identifier, usersig or contenttype is wrong or missing in the URL (a missing contenttype=json lands here).",
    "Fix the query string; check that a proxy keeps all parameters.",
    "fix-first",
  ),
  60026: entry(
    "Wrong region",
    "The domain and the SDKAppID belong to different data centres.",
    "Set the profile's region to the one where this SDKAppID was created.",
    "fix-first",
  ),
  60028: entry(
    "Trial REST quota used",
    "The trial edition used up its 24-hour REST quota.",
    "Upgrade the edition or wait for the quota to reset.",
    "no",
  ),
  70001: entry(
    "UserSig expired",
    "The UserSig's issue time plus its validity is in the past.",
    "If it recurs with a new signature, check the server clock (it must be in sync) and the signature validity.",
    "fix-first",
  ),
  70002: entry("UserSig empty", "The URL carried an empty usersig.", "Send a UserSig.", "fix-first"),
  70003: malformedSig,
  70005: malformedSig,
  70009: entry(
    "Signature does not verify",
    "The UserSig was signed with a key that is not this app's SecretKey.",
    "Check that the profile's SecretKey belongs to this SDKAppID (copy it again from the console).",
    "fix-first",
  ),
  70013: entry(
    "Identifier does not match the UserSig",
    "The identifier in the URL differs from the one the UserSig was made for.",
    "Sign for the admin identifier you send.",
    "fix-first",
  ),
  70014: entry(
    "SDKAppID does not match the UserSig",
    "The sdkappid in the URL differs from the one inside the UserSig.",
    "Sign with the profile's SDKAppID.",
    "fix-first",
  ),
  70016: entry(
    "Key not found",
    "No key exists for this SDKAppID in this data centre; often the wrong region.",
    "Check the SDKAppID and the profile's region.",
    "fix-first",
  ),
  70020: entry(
    "SDKAppID not found",
    "This data centre does not know the SDKAppID; most often the profile points at the wrong region.",
    "Check the SDKAppID and set the profile's region to the app's data centre.",
    "fix-first",
  ),
  70050: entry(
    "Too many failed UserSig checks",
    "Repeated signature failures locked signing out for a while.",
    "Fix the signature first, then wait about a minute.",
    "fix-first",
  ),
  70051: entry(
    "Account blocklisted",
    "The account has been added to Tencent's blocklist (error-code page trtc.io/document/34348).",
    "Contact Chat technical support to have it removed from the blocklist: the page names no API for it, and the user-to-user blocklist (sns/black_list_delete) is a different list.",
    "no",
  ),
  70052: entry("UserSig invalidated", "The UserSig was invalidated.", "Send again.", "retry"),
  70107: entry(
    "UserID does not exist",
    "A UserID in the request was never imported into Chat.",
    "Import the account first (im_open_login_svc/account_import), or correct the UserID.",
    "fix-first",
  ),
  70114: entry("Restricted for security", "Requests came too frequently and were restricted.", "Slow down and try later.", "retry"),
  70169: internalTimeout,
  70202: internalTimeout,
  70398: entry("Account limit reached", "The number of accounts is above the edition's limit.", "Upgrade the edition.", "no"),
  70402: entry(
    "Invalid parameter",
    "A parameter of the request is invalid.",
    "Fix the request; ErrorInfo usually names the parameter.",
    "fix-first",
  ),
  70403: entry("Needs App admin", "This operation needs an App administrator.", "Use the admin account as identifier.", "fix-first"),
  70500: entry("Internal error", "The service failed internally.", "Try again later.", "retry", true),
  80002: entry(
    "Body too large",
    "The request body is larger than 12 KB.",
    "Shrink UserData, the push texts or the callee list.",
    "fix-first",
  ),
  90043: entry(
    "OfflinePushInfo malformed",
    "The OfflinePushInfo object is not in the expected form.",
    "Fix OfflinePushInfo (check types: numbers as numbers, Ext as a string).",
    "fix-first",
  ),
  100001: webhookInternal,
  100002: entry(
    "Webhook configuration: invalid parameter",
    "The callback URL or command list is invalid.",
    "Fix the URL (https) and the command names.",
    "fix-first",
  ),
  100301: entry("No webhook configuration", "This app has no callback configuration yet.", "Create one with set_callback.", "no"),
  101001: entry(
    "Call Engine internal error",
    "The Call Engine failed internally.",
    "You may retry, but check first: the callees may already have been rung.",
    "retry",
    true,
  ),
  101002: entry(
    "Invalid parameter",
    "The Call Engine rejected a field of the body; ErrorInfo names it.",
    "Fix the field named in ErrorInfo.",
    "fix-first",
  ),
  101004: entry(
    "Call does not exist or has ended",
    "No active call has this CallId: it ended or never existed.",
    "Refresh the call's state; stop retrying.",
    "no",
  ),
  101050: entry(
    "Call record does not exist",
    "No record for this CallId. Records appear about 5 seconds after a call ends and are kept 7 days.",
    "Wait a few seconds after the end and ask again; older calls have no record.",
    "retry",
  ),
};

/**
 * Answers that mean the UserSig (or the app it was signed for) was refused.
 * After one, the console drops the profile's cached UserSig (lib/calls/send.ts),
 * so the next send signs a new one instead of repeating the refused one.
 */
export const SIGNATURE_ERROR_CODES: ReadonlySet<number> = new Set([
  60004, 60005, 70001, 70002, 70003, 70005, 70009, 70013, 70014, 70016, 70020, 70050, 70052,
]);

export function isSignatureError(code: number | null | undefined): boolean {
  return code !== null && code !== undefined && SIGNATURE_ERROR_CODES.has(code);
}

/** Said first in the action of every signature-class answer: exactly what the console did. */
export const SIGNATURE_DROPPED = "The console has dropped its cached UserSig; the next send signs a new one.";

export const ERROR_CODES: Readonly<Record<number, Entry>> = Object.fromEntries(
  Object.entries(CATALOG).map(([code, found]) => [
    code,
    isSignatureError(Number(code)) ? { ...found, action: `${SIGNATURE_DROPPED} ${found.action}` } : found,
  ]),
);

export const TRANSPORT_OUTCOMES: Readonly<Record<TransportOutcome, Entry>> = {
  timeout: entry(
    "No answer in time",
    "The Call Engine did not answer before the client's timeout. The request may still have been carried out.",
    "Check history and the callees before sending again; raise REQUEST_TIMEOUT_MS if the network is slow.",
    "retry",
    true,
  ),
  "network-error": entry(
    "Network error",
    "The request did not complete: the domain did not resolve, the connection was refused or reset, or TLS failed.",
    "Check the profile's region or base URL and the server's network; for DNS trouble try the region's backup domain.",
    "retry",
    true,
  ),
  "http-error": entry(
    "HTTP error from the gateway",
    "The gateway answered with an HTTP status other than 200, which the API never does: a proxy, a wrong base URL or an outage.",
    "Check the profile's base URL and any proxy in between; try again later.",
    "retry",
    true,
  ),
  "bad-response": entry(
    "Unreadable response",
    "The answer was not JSON in the documented shape (a proxy page, a captive portal, a wrong base URL), or its Response lacked documented fields (the detail names them).",
    "Check the profile's base URL; the raw answer and what did not fit are kept in history.",
    "fix-first",
    true,
  ),
};

export const UNKNOWN_CODE: Entry = entry(
  "Undocumented error code",
  "The Call Engine answered with an error code the documentation does not list.",
  "Read ErrorInfo; contact Tencent support with the RequestId if it is unclear.",
  "no",
);

/** Written before sending, no answer yet, and the request timeout (plus a margin) has not passed. */
export const IN_FLIGHT: Entry = entry(
  "In flight",
  "The request was written to history and sent; its answer has not come back yet. It comes, or times out, within the request timeout.",
  "Wait a few seconds and look again; do not send it again meanwhile.",
  "no",
  true,
);

/** Written before sending, and no answer recorded long after any answer could have come. */
export const OUTCOME_UNKNOWN: Entry = entry(
  "Outcome unknown: the console stopped before the answer came",
  "The request was written to history before sending, but no answer was recorded within the request timeout plus a margin: the console stopped (or lost its database) while the request was in flight.",
  "Check the callees, or the call's status, before sending again: it may have been delivered.",
  "no",
  true,
);

/** The same as OUTCOME_UNKNOWN, for callers that only know a row is still pending. */
export const PENDING: Entry = OUTCOME_UNKNOWN;

export function lookupErrorCode(code: number): CatalogEntry & { known: boolean } {
  const found = ERROR_CODES[code];
  return found ? { ...found, known: true } : { ...UNKNOWN_CODE, known: false };
}

/** What sending again would do, per retry class. */
export const RETRY_ADVICE: Readonly<Record<Retry, string>> = {
  retry: "Sending again may succeed.",
  "fix-first": "Sending again unchanged will fail the same way.",
  no: "Sending again will not help.",
};

/** Added to the advice of a start that may have been carried out. */
export const RING_TWICE =
  "The call may already have rung the callees: a start sent again can ring them twice (the API has no idempotency key).";

/** A sentence to show next to a retry button, honest about ringing twice. */
export function retryAdvice(entry: CatalogEntry, { isStart }: { isStart: boolean }): string {
  const base = RETRY_ADVICE[entry.retry];
  return isStart && entry.mayHaveTakenEffect ? `${base} ${RING_TWICE}` : base;
}

/**
 * Per-callee ResultCode values in start_call_by_robot's CallResult. Only 0 is
 * documented; anything else is shown as the raw number.
 */
export function describeCalleeResult(resultCode: number): string {
  return resultCode === 0 ? "invited" : `ResultCode ${resultCode} (undocumented)`;
}

export interface Explanation extends CatalogEntry {
  /** The code, transport outcome, "in-flight" or "unknown" this explains. */
  subject: string;
  retryAdvice: string;
}

/** The explanation of any outcome: an ErrorCode, a transport outcome, or an attempt without an answer (in flight, or unknown). */
export function explainOutcome(
  outcome: { kind: Outcome | "in-flight" | "unknown"; errorCode: number | null },
  command: string,
): Explanation {
  const isStart = command.endsWith("start_call_by_robot");
  let found: CatalogEntry;
  let subject: string;
  if (outcome.kind === "in-flight") {
    found = IN_FLIGHT;
    subject = "in-flight";
  } else if (outcome.kind === "unknown" || outcome.kind === "pending") {
    found = OUTCOME_UNKNOWN;
    subject = "unknown";
  } else if (outcome.kind === "ok" || outcome.kind === "api-error") {
    const code = outcome.errorCode ?? 0;
    found = lookupErrorCode(code);
    subject = String(code);
  } else {
    found = TRANSPORT_OUTCOMES[outcome.kind];
    subject = outcome.kind;
  }
  return { ...found, subject, retryAdvice: retryAdvice(found, { isStart }) };
}

/** How a call ended (CallRecord.CallResult, and Offline in the end-of-call webhook). */
export const CALL_RESULTS: Readonly<Record<string, string>> = {
  NormalEnd: "Answered, then hung up normally.",
  Cancel: "The caller ended the call before anyone answered.",
  Reject: "The callees rejected the call.",
  NotAnswer: "Nobody answered before the Timeout.",
  CallBusy: "The callee was busy in another call.",
  Interrupt: "The call was cut off (network or app failure).",
  Offline: "A member went offline.",
};

export function describeCallResult(result: string): string {
  return CALL_RESULTS[result] ?? `${result} (undocumented)`;
}
