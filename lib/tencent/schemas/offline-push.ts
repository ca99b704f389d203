import { z } from "zod";
import { utf8Bytes } from "../text";

/**
 * OfflinePushInfo as the push page describes it (trtc.io/document/77715,
 * read 2026-11-26; its samples are in lib/tencent/fixtures/offline-push-info.ts).
 */

/** Numeric switches the API spells as 0/1. */
const flag = z.union([z.literal(0), z.literal(1)], { error: "must be 0 or 1" });
const text = z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") });
const intIn = (min: number, max: number) =>
  z.int({ error: "must be a whole number" }).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
/** The page types these "JSON Object": any values, not only strings. */
const jsonObject = z.record(z.string(), z.unknown(), { error: "must be a JSON object" });
const httpsUrl = text.regex(/^https:\/\/\S+$/, "must be an https:// URL");
export const LA_ID_MAX_BYTES = 64;

export const androidInfoSchema = z
  .strictObject({
    Sound: text.optional(),
    PushStyle: flag.optional(),
    HuaWeiChannelID: text.optional(),
    XiaoMiChannelID: text.optional(),
    OPPOChannelID: text.optional(),
    GoogleChannelID: text.optional(),
    VIVOClassification: flag.optional(),
    VIVOCategory: text.optional(),
    VIVONotifyType: z.enum(["1", "2", "3", "4"], { error: 'must be "1", "2", "3" or "4"' }).optional(),
    OPPOCategory: text.optional(),
    OPPONotifyLevel: z.union([z.literal(1), z.literal(2), z.literal(16)], { error: "must be 1, 2 or 16" }).optional(),
    OPPOPrivateMsgTemplateId: text.optional(),
    OPPOPrivateTitleParameters: jsonObject.optional(),
    OPPOPrivateContentParameters: jsonObject.optional(),
    HuaWeiImportance: z.enum(["LOW", "NORMAL"], { error: "must be LOW or NORMAL" }).optional(),
    HuaWeiCategory: text.optional(),
    HuaWeiImage: httpsUrl.optional(),
    HonorImage: httpsUrl.optional(),
    HonorImportance: z.enum(["LOW", "NORMAL"], { error: "must be LOW or NORMAL" }).optional(),
    GoogleImage: text.optional(),
    GooglePriority: z.enum(["normal", "high"], { error: "must be normal or high" }).optional(),
    MeiZuNoticeMsgType: flag.optional(),
    ExtAsHuaweiIntentParam: flag.optional(),
  })
  .superRefine((info, ctx) => {
    if (info.OPPONotifyLevel !== undefined && info.OPPOCategory === undefined) {
      ctx.addIssue({ code: "custom", path: ["OPPOCategory"], message: "is required when OPPONotifyLevel is set" });
    }
  });

export const liveActivitySchema = z.strictObject({
  LaId: text.min(1, "must not be empty").refine((id) => utf8Bytes(id) <= LA_ID_MAX_BYTES, `must be at most ${LA_ID_MAX_BYTES} bytes`),
  Event: z.enum(["update", "end"], { error: (issue) => (issue.input === undefined ? "is required" : "must be update or end") }),
  ContentState: z.record(z.string(), z.unknown(), {
    error: (issue) => (issue.input === undefined ? "is required (a JSON object)" : "must be a JSON object"),
  }),
  DismissalDate: z.int({ error: "must be a whole number (unix seconds)" }).min(0, "must not be negative").optional(),
});

export const apnsInfoSchema = z.strictObject({
  BadgeMode: flag.optional(),
  Title: text.optional(),
  SubTitle: text.optional(),
  Image: text.optional(),
  MutableContent: flag.optional(),
  Sound: text.optional(),
  InterruptionLevel: z
    .enum(["active", "critical", "passive", "time-sensitive"], {
      error: "must be active, critical, passive or time-sensitive",
    })
    .optional(),
  ContentAvailable: flag.optional(),
  IsVoipPush: flag.optional(),
  LiveActivity: liveActivitySchema.optional(),
});

export const harmonyInfoSchema = z
  .strictObject({
    Title: text.optional(),
    Category: text.optional(),
    Image: httpsUrl.optional(),
    Sound: text.optional(),
    SoundDuration: intIn(1, 60).optional(),
  })
  .superRefine((info, ctx) => {
    if (info.SoundDuration !== undefined && info.Sound === undefined) {
      ctx.addIssue({ code: "custom", path: ["SoundDuration"], message: "only applies together with Sound" });
    }
  });

export const multiLanguageContentSchema = z.strictObject({
  Language: text.optional(),
  Title: text.optional(),
  Desc: text.optional(),
});

export const offlinePushInfoSchema = z.strictObject({
  PushFlag: flag.optional(),
  Title: text.optional(),
  Desc: text.optional(),
  Ext: text.optional(),
  MultiLanguageContent: z.array(multiLanguageContentSchema, { error: "must be a list" }).optional(),
  AndroidInfo: androidInfoSchema.optional(),
  ApnsInfo: apnsInfoSchema.optional(),
  HarmonyInfo: harmonyInfoSchema.optional(),
  BadgeAddNum: intIn(1, 99).optional(),
  BadgeSetNum: intIn(0, 999).optional(),
  PushTemplateId: text.regex(/^\d+-\d+$/, 'must look like "<SDKAppID>-<number>", e.g. 1400000000-1').optional(),
  PushTemplateParam: z.record(z.string(), z.unknown(), { error: "must be a JSON object" }).optional(),
});

export type OfflinePushInfo = z.output<typeof offlinePushInfoSchema>;
