import { describe, expect, it } from "vitest";
import { offlinePushInfoSchema } from "./offline-push";

/** The issues of a push object, as "path: message". */
function issues(push: unknown): string[] {
  const parsed = offlinePushInfoSchema.safeParse(push);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

// Each rule as read on trtc.io/document/77715 (2026-11-26).
describe("OfflinePushInfo, against the push page", () => {
  it("requires LiveActivity.ContentState", () => {
    expect(issues({ ApnsInfo: { LiveActivity: { LaId: "la", Event: "update" } } })).toEqual([
      "ApnsInfo.LiveActivity.ContentState: is required (a JSON object)",
    ]);
    expect(issues({ ApnsInfo: { LiveActivity: { LaId: "la", Event: "end", ContentState: { k: 1 } } } })).toEqual([]);
  });

  it("limits LaId to 64 bytes", () => {
    const state = { ContentState: {}, Event: "update" };
    expect(issues({ ApnsInfo: { LiveActivity: { LaId: "a".repeat(64), ...state } } })).toEqual([]);
    expect(issues({ ApnsInfo: { LiveActivity: { LaId: "a".repeat(65), ...state } } })).toEqual([
      "ApnsInfo.LiveActivity.LaId: must be at most 64 bytes",
    ]);
    // 22 three-byte characters are 66 bytes, though only 22 characters.
    expect(issues({ ApnsInfo: { LiveActivity: { LaId: "活".repeat(22), ...state } } })).toHaveLength(1);
  });

  it("wants https for HuaWeiImage and HonorImage", () => {
    expect(issues({ AndroidInfo: { HuaWeiImage: "http://example.com/a.png", HonorImage: "example.com/a.png" } })).toEqual([
      "AndroidInfo.HuaWeiImage: must be an https:// URL",
      "AndroidInfo.HonorImage: must be an https:// URL",
    ]);
    expect(issues({ AndroidInfo: { HuaWeiImage: "https://example.com/a.png", HonorImage: "https://example.com/b.png" } })).toEqual([]);
  });

  it("takes HonorImportance LOW or NORMAL only", () => {
    expect(issues({ AndroidInfo: { HonorImportance: "HIGH" } })).toEqual(["AndroidInfo.HonorImportance: must be LOW or NORMAL"]);
    expect(issues({ AndroidInfo: { HonorImportance: "LOW" } })).toEqual([]);
    expect(issues({ AndroidInfo: { HonorImportance: "NORMAL" } })).toEqual([]);
  });

  it("needs OPPOCategory with OPPONotifyLevel", () => {
    expect(issues({ AndroidInfo: { OPPONotifyLevel: 2 } })).toEqual(["AndroidInfo.OPPOCategory: is required when OPPONotifyLevel is set"]);
    expect(issues({ AndroidInfo: { OPPONotifyLevel: 2, OPPOCategory: "IM" } })).toEqual([]);
  });

  it("lets MultiLanguageContent entries leave out Language", () => {
    expect(issues({ MultiLanguageContent: [{ Title: "Call", Desc: "Ringing" }] })).toEqual([]);
  });

  it("takes any JSON object for the OPPO private template parameters", () => {
    const params = { city: "Shenzhen", count: 3, nested: { a: true } };
    expect(issues({ AndroidInfo: { OPPOPrivateTitleParameters: params, OPPOPrivateContentParameters: params } })).toEqual([]);
    expect(issues({ AndroidInfo: { OPPOPrivateTitleParameters: "city=Shenzhen" } })).toEqual([
      "AndroidInfo.OPPOPrivateTitleParameters: must be a JSON object",
    ]);
  });
});

// The schema is Zod Mini (./mini.ts), which loads no locale of its own. This file loads no classic
// Zod either, as in the browser: Zod's own messages must still be the English ones the server writes.
describe("Zod's own messages, with Zod Mini alone", () => {
  it("names an unknown key and a wrong type in English", () => {
    expect(issues({ Titel: "Hi", AndroidInfo: "x" })).toEqual([
      "AndroidInfo: Invalid input: expected object, received string",
      ': Unrecognized key: "Titel"',
    ]);
  });
});
