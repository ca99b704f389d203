import { describe, expect, it } from "vitest";
import { englishCatalogMessages, type CatalogMessages } from "@/lib/i18n/catalog-messages";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { ERROR_CODES, TRANSPORT_OUTCOMES, explainOutcome } from "@/lib/tencent/error-catalog";
import { callResultMeaning, localizeExplanation } from "./catalog";

const START = "call_engine_http_srv/start_call_by_robot";
const READ = "call_engine_http_srv/get_call_info";
const english = englishCatalogMessages();
const chinese = zhCN.errorCatalog as CatalogMessages;

type Kind = Parameters<typeof explainOutcome>[0]["kind"];
/** Every outcome the catalog explains, with an undocumented code among them. */
const OUTCOMES: { kind: Kind; errorCode: number | null }[] = [
  ...Object.keys(ERROR_CODES).map((code) => ({ kind: "api-error" as const, errorCode: Number(code) })),
  { kind: "ok", errorCode: 0 },
  { kind: "api-error", errorCode: 12345 },
  ...Object.keys(TRANSPORT_OUTCOMES).map((kind) => ({ kind: kind as Kind, errorCode: null })),
  { kind: "in-flight", errorCode: null },
  { kind: "unknown", errorCode: null },
  { kind: "pending", errorCode: null },
];

describe("the error catalog in the user's language", () => {
  it("reads, in English, exactly as lib's catalog says it (every code, outcome and retry advice)", () => {
    for (const command of [START, READ]) {
      for (const outcome of OUTCOMES) {
        const explanation = explainOutcome(outcome, command);
        const { title, cause, action, retryAdvice } = explanation;
        expect(localizeExplanation(explanation, english), `${outcome.kind} ${outcome.errorCode} ${command}`).toEqual({
          title,
          cause,
          action,
          retryAdvice,
        });
      }
    }
  });

  it("reads in Chinese: a 70107 names the UserID, the import command and that sending unchanged fails again", () => {
    const texts = localizeExplanation(explainOutcome({ kind: "api-error", errorCode: 70107 }, START), chinese);
    expect(texts.title).toBe("UserID 不存在");
    expect(texts.cause).toContain("从未导入");
    expect(texts.action).toContain("im_open_login_svc/account_import");
    expect(texts.retryAdvice).toBe(chinese.retry["fix-first"]);
  });

  it("says in Chinese that a start which may have been carried out can ring twice, and only for a start", () => {
    const timeout = localizeExplanation(explainOutcome({ kind: "timeout", errorCode: null }, START), chinese);
    expect(timeout.retryAdvice).toBe(`${chinese.retry.retry}${chinese.retry.ringTwice}`);
    expect(localizeExplanation(explainOutcome({ kind: "timeout", errorCode: null }, READ), chinese).retryAdvice).toBe(chinese.retry.retry);
  });

  it("explains a code the documentation does not list as undocumented, in Chinese too", () => {
    expect(localizeExplanation(explainOutcome({ kind: "api-error", errorCode: 12345 }, START), chinese).title).toBe(
      chinese.undocumented.title,
    );
    // A name on Object's prototype is not a subject.
    expect(
      localizeExplanation({ ...explainOutcome({ kind: "api-error", errorCode: 1 }, READ), subject: "constructor" }, chinese).title,
    ).toBe(chinese.undocumented.title);
  });

  it("leaves no English in the Chinese catalog outside the API's and Tencent's names", () => {
    const NAMES = new Set(
      (
        "Call Engine App Chat IM UserID UserSig SDKAppID SecretKey RequestId CallId ErrorInfo Response OfflinePushInfo Ext UserData " +
        "Timeout REST HTTP JSON URL IP KB DNS TLS ms sdkappid identifier usersig contenttype json administrator https set_callback " +
        "NormalEnd Cancel Reject NotAnswer CallBusy Interrupt Offline"
      ).split(" "),
    );
    const texts: string[] = [];
    const collect = (value: unknown) => {
      if (typeof value === "string") texts.push(value);
      else if (value && typeof value === "object") Object.values(value).forEach(collect);
    };
    collect(chinese);
    const words = texts.flatMap((text) => text.match(/[A-Za-z][\w./<>=-]*/g) ?? []);
    // A path, a command or a setting (has _ / . = or is all capitals) is a name; so is every word in NAMES.
    const english = words.filter((w) => !NAMES.has(w) && !/[_/.=<]/.test(w) && !/^[A-Z0-9_]+$/.test(w));
    expect([...new Set(english)]).toEqual([]);
  });

  it("tells what a CallResult means, and nothing for one the documentation does not list", () => {
    expect(callResultMeaning("NotAnswer", english)).toBe("Nobody answered before the Timeout.");
    expect(callResultMeaning("NotAnswer", chinese)).toContain("无人接听");
    expect(callResultMeaning("Hangup", chinese)).toBeNull();
    expect(callResultMeaning("toString", chinese)).toBeNull();
  });
});
