/**
 * No rule reaches the Chinese form in English: every message the API's
 * schemas and the body warnings can write (run here on a broad set of bad
 * bodies) is matched by the zh-CN phrasebook, and what comes out has no
 * English word left beside the API's own names and the values typed in.
 */
import { describe, expect, it } from "vitest";
import { describeFieldErrors, fieldErrorsFrom } from "@/lib/forms/action-result";
import { bodyWarnings } from "@/lib/tencent/body-warnings";
import { setCallbackBodySchema } from "@/lib/tencent/schemas/callback";
import { accountCheckBodySchema, onlineStatusBodySchema } from "@/lib/tencent/schemas/callee-check";
import { callIdBodySchema } from "@/lib/tencent/schemas/call-id";
import { recordFilterBodySchema } from "@/lib/tencent/schemas/record-filter";
import { startCallBodySchema, type StartCallBody } from "@/lib/tencent/schemas/start-call";
import type { z } from "zod";
import { phrasePairsFor } from "./messages";
import { createPhrasebook } from "./phrasebook";

const localize = createPhrasebook(phrasePairsFor("zh-CN"));

/** Words that stay as they are in Chinese: the API's names and values, vendors, units and formats. */
const KEPT = new Set(
  (
    "Robot_Account CalleeList_Account UserID UserIDs SDKAppID SecretKey RoomId RoomIdType MediaType Audio Video CallInfo " +
    "OfflinePushInfo PushFlag Title Desc Ext Sound OPPONotifyLevel OPPOCategory LOW NORMAL normal high update end active critical " +
    "passive time-sensitive CallbackCommand CallbackCommands CallId TUICallKit Call Engine APNs KB JSON ASCII UTF-8 URL https http " +
    "Android OPPO Huawei Honor Xiaomi Meizu vivo a-z A-Z Cancel Reject Interrupt"
  ).split(" "),
);

/**
 * English words left once quoted values, the leading field path and names are set aside.
 * Names: kept words, paths (a dot or underscore), acronyms, and identifiers in camel case (NotAnswer).
 */
function englishLeft(text: string): string[] {
  const bare = text.replace(/"[^"]*"|“[^”]*”|\{\w+\}|http\(s\)/g, " ").replace(/^[A-Za-z][\w.]* /, " ");
  const words = bare.match(/[A-Za-z][\w.-]*[A-Za-z0-9]|[A-Za-z]/g) ?? [];
  return words.filter((w) => !KEPT.has(w) && !/[._]|[A-Z]{2,}|\d|[a-z][A-Z]/.test(w));
}

function untranslated(messages: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const english of messages) {
    const chinese = localize(english);
    if (chinese === english || englishLeft(chinese).length > 0) out.add(`${english}  →  ${chinese}`);
  }
  return [...out];
}

const valid: StartCallBody = {
  Robot_Account: "robot_1",
  CalleeList_Account: ["alice", "bob"],
  Timeout: 30000,
  CallInfo: { MediaType: "Video" },
};
const push = (OfflinePushInfo: unknown) => ({ ...valid, OfflinePushInfo });
const room = (RoomIdType: unknown, RoomId: unknown) => ({ ...valid, CallInfo: { MediaType: "Audio", RoomIdType, RoomId } });
let deep: unknown = 1;
for (let i = 0; i < 100; i++) deep = { a: deep };

/** Bad start bodies, from the schema tests and the regressions, one or more rules each. */
const BAD_BODIES: unknown[] = [
  { ...valid, Extra: Number.NaN },
  { ...valid, CallInfo: { MediaType: "Audio", RoomId: "中文" } },
  { ...valid, CallInfo: { MediaType: "Audio", RoomId: "x".repeat(70) + "中" } },
  {},
  null,
  "text",
  [1, 2],
  42,
  { ...valid, CallInfo: {} },
  { ...valid, CallInfo: "Video" },
  { ...valid, CallInfo: { RoomIdType: 1, RoomId: "5" } },
  { ...valid, CallInfo: { MediaType: "video" } },
  { ...valid, Timeout: 9999 },
  { ...valid, Timeout: 600001 },
  { ...valid, Timeout: 30000.5 },
  { ...valid, Timeout: "30000" },
  { ...valid, Timeout: 1e20 },
  { ...valid, UserData: "好".repeat(334) },
  { ...valid, UserData: 5 },
  { ...valid, Robot_Account: "" },
  { ...valid, Robot_Account: 42 },
  { ...valid, Robot_Account: "名字", CalleeList_Account: ["ok", "tab\there", "a".repeat(33), 7] },
  { ...valid, CalleeList_Account: [] },
  { ...valid, CalleeList_Account: "alice" },
  room(1, "4294967295"),
  room(1, "012"),
  room(2, "x".repeat(65)),
  room(2, 'quote"d'),
  room(2, "中文"),
  room(0, "5"),
  room(1, 5),
  { ...valid, CalleeList_Account: Array.from({ length: 500 }, (_, i) => `callee_${"x".repeat(20)}_${i}`) },
  push({ PushTemplateParam: deep }),
  push({
    PushTemplateParam: (() => {
      let d: unknown = 1;
      for (let i = 0; i < 100_000; i++) d = { a: d };
      return d;
    })(),
  }),
  push("x"),
  push([1]),
  push({
    PushFlag: 2,
    BadgeAddNum: 0,
    BadgeSetNum: 1000,
    PushTemplateId: "abc",
    PushTemplateParam: "x",
    Title: 1,
    MultiLanguageContent: ["x", { Language: 1 }],
    AndroidInfo: { VIVONotifyType: 2, OPPONotifyLevel: 3, HuaWeiImportance: "HIGH", HonorImportance: "HIGH", GooglePriority: "max" },
    ApnsInfo: { InterruptionLevel: "loud", LiveActivity: { Event: "start", DismissalDate: -1, LaId: "" } },
    HarmonyInfo: { Image: "http://example.com/a.png", SoundDuration: 61 },
  }),
  push({ BadgeAddNum: 100, BadgeSetNum: -1, AndroidInfo: { OPPONotifyLevel: 2, OPPOPrivateTitleParameters: "city=Shenzhen" } }),
  push({ BadgeAddNum: 1.5, ApnsInfo: { LiveActivity: { LaId: "a".repeat(65), Event: "update", DismissalDate: 1.5 } } }),
  push({ HarmonyInfo: { SoundDuration: 10 }, ApnsInfo: { LiveActivity: { LaId: "la", Event: "update" } } }),
  push({ MultiLanguageContent: "en", AndroidInfo: "x", ApnsInfo: [1], HarmonyInfo: 3 }),
  push({ MultiLanguageContent: [true, 5, [1]], ApnsInfo: { LiveActivity: "x", Extra: 1 } }),
  push({ Unknown: 1, AndroidInfo: { Bar: 1, Baz: 2 } }),
];

/** Bodies the schemas accept but the console warns about. */
const WARNED_BODIES: Partial<StartCallBody>[] = [
  { ...valid, CalleeList_Account: ["a", "b", "a", "robot_1"] },
  { ...valid, Robot_Account: "has space", CalleeList_Account: ["bad user"] },
  { ...valid, CalleeList_Account: ["bad user", "also bad"] },
  { ...valid, CalleeList_Account: Array.from({ length: 9 }, (_, i) => `c${i}`) },
  { ...valid, CallInfo: { MediaType: "Audio", RoomId: "room x", Extra: 1 } as StartCallBody["CallInfo"] },
  { ...valid, SomeNewField: true } as Partial<StartCallBody>,
  push({ Ext: "not json", Desc: "d".repeat(3100), Title: "t".repeat(70), BadgeSetNum: 120, PushFlag: 1 }) as Partial<StartCallBody>,
  push({ Desc: "d".repeat(60), AndroidInfo: { PushStyle: 1 } }) as Partial<StartCallBody>,
];

/** Classic Zod and Zod Mini schemas alike. */
interface Parses {
  safeParse(input: unknown): { success: true } | { success: false; error: z.core.$ZodError };
}

function messagesOf(schema: Parses, inputs: unknown[]): { raw: string[]; shown: string[] } {
  const raw: string[] = [];
  const shown: string[] = [];
  for (const input of inputs) {
    const parsed = schema.safeParse(input);
    if (parsed.success) continue;
    raw.push(...parsed.error.issues.map((i) => i.message));
    shown.push(...describeFieldErrors(fieldErrorsFrom(parsed.error)));
  }
  return { raw, shown };
}

describe("rule messages in Chinese", () => {
  const start = messagesOf(startCallBodySchema, BAD_BODIES);

  it("the cases reach the rules (the check is not empty)", () => {
    expect(new Set(start.raw).size).toBeGreaterThan(45);
    expect(start.raw).toContain('Unrecognized keys: "Bar", "Baz"');
  });

  it("translates every rule of the start body, alone and after its field's path", () => {
    expect(untranslated(start.raw)).toEqual([]);
    expect(untranslated(start.shown)).toEqual([]);
  });

  it("translates every warning about a body", () => {
    const warnings = WARNED_BODIES.flatMap((body) => bodyWarnings(body).map((w) => w.message));
    expect(warnings.length).toBeGreaterThan(12);
    expect(untranslated(warnings)).toEqual([]);
  });

  it("translates the rules of the other commands' bodies", () => {
    const others = [
      messagesOf(accountCheckBodySchema, [
        {},
        { CheckItem: [] },
        { CheckItem: "x" },
        { CheckItem: Array.from({ length: 101 }, () => ({ UserID: "a" })) },
        5,
      ]),
      messagesOf(onlineStatusBodySchema, [{ To_Account: [] }, { To_Account: 1, IsNeedDetail: 2 }, { To_Account: Array(501).fill("a") }]),
      messagesOf(callIdBodySchema, [{}, { CallId: "" }, { CallId: 1 }, { CallId: "x".repeat(129) }, { CallId: "a", More: 1 }]),
      messagesOf(setCallbackBodySchema, [
        {},
        { Url: "ftp://x", CallbackCommandList: [] },
        { Url: 1, CallbackCommandList: ["Nope"] },
        { Url: "https://x", CallbackCommandList: "x" },
      ]),
      messagesOf(recordFilterBodySchema, [
        { StartTime: -1, EndTime: 1.5, NumberPerPage: 0, Page: "x", CallResult: "Win", CallType: "Any" },
        [],
      ]),
    ];
    expect(untranslated(others.flatMap((o) => [...o.raw, ...o.shown]))).toEqual([]);
  });

  it("translates what the call form, the start, check and template actions write themselves", () => {
    // components/call-form/form-model.ts, app/calls/new/actions.ts, app/calls/templates/actions.ts,
    // lib/calls/templates.ts, lib/calls/callee-check.ts and lib/calls/profiles.ts.
    const written = [
      'must be valid JSON, e.g. {"key": "value"}',
      'OfflinePushInfo.PushTemplateParam must be valid JSON, e.g. {"key": "value"}',
      "choose the app profile to send with",
      "choose the app profile to check with",
      "choose the app profile",
      "the form's submission token is missing; reload the page",
      "The console could not record or send this request. Nothing was sent. See the server log.",
      "is not a template id",
      "name must be at most 100 characters",
      "This profile does not exist (any more): choose another.",
      "A template is already named “QA phones”.",
      "This template has been deleted.",
      "This template has been deleted already.",
      "Callees were checked on this profile less than a second ago; the check runs again in a moment.",
      "userIds at most 100 callees can be checked at once",
      "this app profile no longer exists; pick another",
      "the profile has neither a known region nor a base URL",
    ];
    expect(untranslated(written)).toEqual([]);
  });

  it("would notice an English rule left over", () => {
    expect(untranslated(["must be purple"])).toHaveLength(1);
    expect(englishLeft("必须是 purple")).toEqual(["purple"]);
    expect(englishLeft('CallInfo.RoomId 被叫 "bad user" 必须是 Audio 或 Video')).toEqual([]);
  });
});
