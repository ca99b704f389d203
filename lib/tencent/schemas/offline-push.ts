import { z } from "zod/mini";
import "./zod-mini-locale";
import { utf8Bytes } from "../text";

/**
 * OfflinePushInfo as the push page describes it (trtc.io/document/77715,
 * read 2026-11-26; its samples are in lib/tencent/fixtures/offline-push-info.ts).
 */

/** Numeric switches the API spells as 0/1. */
const flag = z.union([z.literal(0), z.literal(1)], { error: "must be 0 or 1" });
const text = z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") });
const intIn = (min: number, max: number) =>
  z.int({ error: "must be a whole number" }).check(z.gte(min, `must be at least ${min}`), z.lte(max, `must be at most ${max}`));
/** The page types these "JSON Object": any values, not only strings. */
const jsonObject = z.record(z.string(), z.unknown(), { error: "must be a JSON object" });
const httpsUrl = text.check(z.regex(/^https:\/\/\S+$/, "must be an https:// URL"));
export const LA_ID_MAX_BYTES = 64;

export const androidInfoSchema = z
  .strictObject({
    Sound: z.optional(text),
    PushStyle: z.optional(flag),
    HuaWeiChannelID: z.optional(text),
    XiaoMiChannelID: z.optional(text),
    OPPOChannelID: z.optional(text),
    GoogleChannelID: z.optional(text),
    VIVOClassification: z.optional(flag),
    VIVOCategory: z.optional(text),
    VIVONotifyType: z.optional(z.enum(["1", "2", "3", "4"], { error: 'must be "1", "2", "3" or "4"' })),
    OPPOCategory: z.optional(text),
    OPPONotifyLevel: z.optional(z.union([z.literal(1), z.literal(2), z.literal(16)], { error: "must be 1, 2 or 16" })),
    OPPOPrivateMsgTemplateId: z.optional(text),
    OPPOPrivateTitleParameters: z.optional(jsonObject),
    OPPOPrivateContentParameters: z.optional(jsonObject),
    HuaWeiImportance: z.optional(z.enum(["LOW", "NORMAL"], { error: "must be LOW or NORMAL" })),
    HuaWeiCategory: z.optional(text),
    HuaWeiImage: z.optional(httpsUrl),
    HonorImage: z.optional(httpsUrl),
    HonorImportance: z.optional(z.enum(["LOW", "NORMAL"], { error: "must be LOW or NORMAL" })),
    GoogleImage: z.optional(text),
    GooglePriority: z.optional(z.enum(["normal", "high"], { error: "must be normal or high" })),
    MeiZuNoticeMsgType: z.optional(flag),
    ExtAsHuaweiIntentParam: z.optional(flag),
  })
  .check(
    z.superRefine((info, ctx) => {
      if (info.OPPONotifyLevel !== undefined && info.OPPOCategory === undefined) {
        ctx.addIssue({ code: "custom", path: ["OPPOCategory"], message: "is required when OPPONotifyLevel is set" });
      }
    }),
  );

export const liveActivitySchema = z.strictObject({
  LaId: text.check(
    z.minLength(1, "must not be empty"),
    z.refine((id) => utf8Bytes(id) <= LA_ID_MAX_BYTES, `must be at most ${LA_ID_MAX_BYTES} bytes`),
  ),
  Event: z.enum(["update", "end"], { error: (issue) => (issue.input === undefined ? "is required" : "must be update or end") }),
  ContentState: z.record(z.string(), z.unknown(), {
    error: (issue) => (issue.input === undefined ? "is required (a JSON object)" : "must be a JSON object"),
  }),
  DismissalDate: z.optional(z.int({ error: "must be a whole number (unix seconds)" }).check(z.gte(0, "must not be negative"))),
});

export const apnsInfoSchema = z.strictObject({
  BadgeMode: z.optional(flag),
  Title: z.optional(text),
  SubTitle: z.optional(text),
  Image: z.optional(text),
  MutableContent: z.optional(flag),
  Sound: z.optional(text),
  InterruptionLevel: z.optional(
    z.enum(["active", "critical", "passive", "time-sensitive"], {
      error: "must be active, critical, passive or time-sensitive",
    }),
  ),
  ContentAvailable: z.optional(flag),
  IsVoipPush: z.optional(flag),
  LiveActivity: z.optional(liveActivitySchema),
});

export const harmonyInfoSchema = z
  .strictObject({
    Title: z.optional(text),
    Category: z.optional(text),
    Image: z.optional(httpsUrl),
    Sound: z.optional(text),
    SoundDuration: z.optional(intIn(1, 60)),
  })
  .check(
    z.superRefine((info, ctx) => {
      if (info.SoundDuration !== undefined && info.Sound === undefined) {
        ctx.addIssue({ code: "custom", path: ["SoundDuration"], message: "only applies together with Sound" });
      }
    }),
  );

export const multiLanguageContentSchema = z.strictObject({
  Language: z.optional(text),
  Title: z.optional(text),
  Desc: z.optional(text),
});

export const offlinePushInfoSchema = z.strictObject({
  PushFlag: z.optional(flag),
  Title: z.optional(text),
  Desc: z.optional(text),
  Ext: z.optional(text),
  MultiLanguageContent: z.optional(z.array(multiLanguageContentSchema, { error: "must be a list" })),
  AndroidInfo: z.optional(androidInfoSchema),
  ApnsInfo: z.optional(apnsInfoSchema),
  HarmonyInfo: z.optional(harmonyInfoSchema),
  BadgeAddNum: z.optional(intIn(1, 99)),
  BadgeSetNum: z.optional(intIn(0, 999)),
  PushTemplateId: z.optional(text.check(z.regex(/^\d+-\d+$/, 'must look like "<SDKAppID>-<number>", e.g. 1400000000-1'))),
  PushTemplateParam: z.optional(z.record(z.string(), z.unknown(), { error: "must be a JSON object" })),
});

export type OfflinePushInfo = z.output<typeof offlinePushInfoSchema>;
