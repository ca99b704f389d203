import { describe, expect, it } from "vitest";
import { ERROR_CODES, SIGNATURE_DROPPED, TRANSPORT_OUTCOMES, isSignatureError, lookupErrorCode, retryAdvice } from "./error-catalog";
import { USERSIG_ERROR_CODES } from "./usersig";

describe("error catalog", () => {
  it("explains every code the API reference lists", () => {
    const codes = [
      60002, 60003, 60004, 60005, 60006, 60007, 60008, 60009, 60010, 60011, 60012, 60013, 60014, 60015, 60016, 60017, 60018, 60019, 60020,
      60021, 60025, 60026, 60028, 70001, 70002, 70003, 70005, 70009, 70013, 70014, 70016, 70020, 70050, 70051, 70052, 70107, 70114, 70169,
      70202, 70398, 70402, 70403, 70500, 80002, 90043, 100001, 100002, 100301, 101001, 101002, 101004, 101050,
    ];
    for (const code of codes) {
      const entry = lookupErrorCode(code);
      expect(entry.known, String(code)).toBe(true);
      expect(entry.title.length, String(code)).toBeGreaterThan(3);
      expect(entry.cause.length, String(code)).toBeGreaterThan(10);
      expect(entry.action.length, String(code)).toBeGreaterThan(5);
    }
  });

  it("says a retried start may ring twice where the request may have taken effect", () => {
    expect(retryAdvice(lookupErrorCode(101001), { isStart: true })).toMatch(/ring them twice/);
    expect(retryAdvice(TRANSPORT_OUTCOMES.timeout, { isStart: true })).toMatch(/ring them twice/);
    expect(retryAdvice(lookupErrorCode(70107), { isStart: true })).not.toMatch(/twice/);
    expect(retryAdvice(lookupErrorCode(101001), { isStart: false })).not.toMatch(/twice/);
  });

  it("falls back honestly for undocumented codes", () => {
    expect(lookupErrorCode(12345)).toMatchObject({ known: false, title: "Undocumented error code" });
  });

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
