import { describe, expect, it } from "vitest";
import {
  ERROR_CODES,
  SIGNATURE_DROPPED,
  TRANSPORT_OUTCOMES,
  explainOutcome,
  isSignatureError,
  lookupErrorCode,
  retryAdvice,
  type Retry,
} from "./error-catalog";
import { USERSIG_ERROR_CODES } from "./usersig";

/**
 * §5 of the API reference (docs: call-engine-api.md, "Error codes"), one row per
 * code: what the cause must say, what the advice must say, and whether sending
 * again can help. Each pattern is a fact of the reference, so an entry copied
 * to the wrong code, or advice that drifts, fails here.
 */
const REFERENCE: [codes: number[], cause: RegExp[], action: RegExp[], retry: Retry][] = [
  [[60002], [/URL|query string/], [/query string/], "fix-first"],
  [[60003], [/JSON/], [/JSON/], "fix-first"],
  [[60004, 60005], [/admin account/, /UserSig/], [/identifier/, /SecretKey/, /try again later/i], "fix-first"],
  [[60006], [/sdkappid/i, /not a valid/], [/SDKAppID/], "fix-first"],
  [[60007, 60011, 60018, 60019], [/200 requests per second/], [/back off/i], "retry"],
  [[60008], [/timed out/, /HTTP request/], [/check the request/i, /try again/i], "retry"],
  [[60009], [/\/v4\/<service>\/<command>/], [/base URL/, /path/], "fix-first"],
  [[60010], [/not an administrator/], [/App admin/], "fix-first"],
  [[60012], [/no sdkappid/i], [/add sdkappid/i], "fix-first"],
  [[60013], [/could not read/], [/support/, /RequestId/], "no"],
  [[60014], [/account/, /too long/], [/try again/i], "retry"],
  [[60015], [/UserID/, /number|non-string/], [/JSON string/], "fix-first"],
  [[60016], [/SDKAppID has been disabled/], [/support/], "no"],
  [[60017], [/requests are disabled/i], [/support/], "no"],
  [[60020], [/plan/, /expired|arrears/], [/buy or renew/i], "no"],
  [[60021], [/allow-list/], [/allow-list/], "fix-first"],
  [[60025], [/sdkappid/, /identifier/, /usersig/, /contenttype=json/], [/query string/], "fix-first"],
  [[60026], [/different data centres/], [/region/], "fix-first"],
  [[60028], [/trial/i, /24-hour/], [/upgrade/i], "no"],
  [[70001], [/validity is in the past/], [/clock/, /validity/], "fix-first"],
  [[70002], [/empty usersig/i], [/send a UserSig/i], "fix-first"],
  [[70003, 70005], [/could not be decoded/, /cut short/, /URL-encoded/], [/dropped its cached UserSig/, /query string/], "fix-first"],
  [[70009], [/not this app's SecretKey/], [/SecretKey belongs to this SDKAppID/], "fix-first"],
  [[70013], [/identifier in the URL differs/], [/sign for the admin identifier/i], "fix-first"],
  [[70014], [/sdkappid in the URL differs/], [/sign with the profile's SDKAppID/i], "fix-first"],
  [[70016], [/no key exists/i], [/SDKAppID/, /region/], "fix-first"],
  [[70020], [/does not know the SDKAppID/, /wrong region/], [/region/], "fix-first"],
  [[70050], [/repeated signature failures/i], [/fix the signature/i, /minute/], "fix-first"],
  [[70051], [/blocklist/], [/technical support/], "no"],
  [[70052], [/invalidated/], [/dropped its cached UserSig/], "retry"],
  [[70107], [/never imported/], [/account_import/], "fix-first"],
  [[70114], [/too frequently/], [/slow down/i], "retry"],
  [[70169, 70202], [/did not answer in time/], [/try again/i], "retry"],
  [[70398], [/above the edition's limit/], [/upgrade/i], "no"],
  [[70402], [/invalid/], [/fix the request/i], "fix-first"],
  [[70403], [/administrator/], [/admin account/], "fix-first"],
  [[70500], [/failed internally/], [/try again later/i], "retry"],
  [[80002], [/12 KB/], [/shrink/i], "fix-first"],
  [[90043], [/OfflinePushInfo/], [/fix OfflinePushInfo/i], "fix-first"],
  [[100001], [/callback configuration/], [/try again/i], "retry"],
  [[100002], [/callback URL or command list is invalid/], [/fix the URL/i], "fix-first"],
  [[100301], [/no callback configuration/], [/set_callback/], "no"],
  [[101001], [/Call Engine failed internally/], [/retry/, /already have been rung/], "retry"],
  [[101002], [/ErrorInfo names it/], [/ErrorInfo/], "fix-first"],
  [[101004], [/ended or never existed/], [/stop retrying/], "no"],
  [[101050], [/about 5 seconds after a call ends/, /7 days/], [/wait a few seconds/i], "retry"],
];

const START = "call_engine_http_srv/start_call_by_robot";

describe("error catalog", () => {
  it("holds exactly the codes of the API reference (and 0), nothing undocumented", () => {
    const documented = REFERENCE.flatMap(([codes]) => codes);
    expect(new Set(documented).size).toBe(documented.length);
    expect(
      Object.keys(ERROR_CODES)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([0, ...documented].sort((a, b) => a - b));
  });

  for (const [codes, cause, action, retry] of REFERENCE) {
    for (const code of codes) {
      it(`${code}: the cause and the advice say what the reference says`, () => {
        const entry = lookupErrorCode(code);
        expect(entry.known).toBe(true);
        for (const pattern of cause) expect(entry.cause).toMatch(pattern);
        for (const pattern of action) expect(entry.action).toMatch(pattern);
        expect(entry.retry).toBe(retry);
      });
    }
  }

  it("codes that share a meaning share one explanation", () => {
    expect(lookupErrorCode(60011)).toEqual(lookupErrorCode(60007));
    expect(lookupErrorCode(70005)).toEqual(lookupErrorCode(70003));
    expect(lookupErrorCode(70202)).toEqual(lookupErrorCode(70169));
    expect(lookupErrorCode(60016).cause).not.toEqual(lookupErrorCode(60017).cause);
  });

  it("says a resent start may ring the callees twice where the request may have taken effect", () => {
    const internal = explainOutcome({ kind: "api-error", errorCode: 101001 }, START);
    expect(internal.subject).toBe("101001");
    expect(internal.retryAdvice).toMatch(/^Sending again may succeed\./);
    expect(internal.retryAdvice).toMatch(/ring them twice/);
    expect(internal.retryAdvice).toMatch(/no idempotency/);
    expect(explainOutcome({ kind: "timeout", errorCode: null }, START).retryAdvice).toMatch(/ring them twice/);
    expect(explainOutcome({ kind: "pending", errorCode: null }, START).retryAdvice).toMatch(/ring them twice/);
    // Only a start rings anyone, and only an answer that may have taken effect warns.
    expect(explainOutcome({ kind: "api-error", errorCode: 101001 }, "call_engine_http_srv/end_call").retryAdvice).not.toMatch(/twice/);
    expect(explainOutcome({ kind: "api-error", errorCode: 70107 }, START).retryAdvice).toBe(
      "Sending again unchanged will fail the same way.",
    );
    expect(retryAdvice(lookupErrorCode(101050), { isStart: true })).toBe("Sending again may succeed.");
    expect(retryAdvice(lookupErrorCode(60016), { isStart: true })).toBe("Sending again will not help.");
  });

  it("explains transport outcomes with the same honesty", () => {
    expect(TRANSPORT_OUTCOMES.timeout.mayHaveTakenEffect).toBe(true);
    expect(explainOutcome({ kind: "ok", errorCode: 0 }, START)).toMatchObject({ subject: "0", title: "Success" });
  });

  it("falls back honestly for undocumented codes", () => {
    expect(lookupErrorCode(12345)).toMatchObject({ known: false, title: "Undocumented error code" });
    expect(explainOutcome({ kind: "api-error", errorCode: 12345 }, START).subject).toBe("12345");
  });
});

describe("signature errors and the cached UserSig", () => {
  it("classes every refused-signature answer as a signature error, and nothing else", () => {
    const signature = [60004, 60005, 70001, 70002, 70003, 70005, 70009, 70013, 70014, 70016, 70020, 70050, 70052];
    for (const code of signature) expect(isSignatureError(code), String(code)).toBe(true);
    for (const code of Object.values(USERSIG_ERROR_CODES)) expect(isSignatureError(code), String(code)).toBe(true);
    for (const code of [0, 60006, 70051, 70107, 101001, 101002, null, undefined]) expect(isSignatureError(code), String(code)).toBe(false);
  });

  it("says exactly what happens to the cached UserSig, and never that it signs afresh", () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(entry.action.startsWith(SIGNATURE_DROPPED), code).toBe(isSignatureError(Number(code)));
      expect(`${entry.cause} ${entry.action}`, code).not.toMatch(/afresh/);
    }
    expect(SIGNATURE_DROPPED).toBe("The console has dropped its cached UserSig; the next send signs a new one.");
  });

  it("70051: removal from the blocklist goes through Chat support, as the error-code page says", () => {
    expect(lookupErrorCode(70051).action).toMatch(/technical support.*removed from the blocklist/);
  });
});
