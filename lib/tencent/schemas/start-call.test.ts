import { describe, expect, it } from "vitest";
import { splitUserIds } from "./user-id";
import { startCallBodySchema } from "./start-call";

const valid = {
  Robot_Account: "robot_1",
  CalleeList_Account: ["alice", "bob"],
  Timeout: 30000,
  CallInfo: { MediaType: "Video" },
};

function errors(body: unknown): Record<string, string[]> {
  const result = startCallBodySchema.safeParse(body);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "(body)";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

describe("startCallBodySchema", () => {
  it("accepts the smallest valid body unchanged", () => {
    expect(startCallBodySchema.parse(valid)).toEqual(valid);
  });

  it("leaves empty optional fields out of what is sent", () => {
    const parsed = startCallBodySchema.parse({
      ...valid,
      UserData: "",
      CallInfo: { MediaType: "Audio", RoomIdType: undefined, RoomId: "" },
      OfflinePushInfo: { Title: "", AndroidInfo: { Sound: "" }, ApnsInfo: {}, MultiLanguageContent: [] },
    });
    expect(parsed).toEqual({ ...valid, CallInfo: { MediaType: "Audio" } });
    expect(JSON.stringify(parsed)).not.toContain("OfflinePushInfo");
  });

  it("names every missing required field", () => {
    expect(Object.keys(errors({}))).toEqual(expect.arrayContaining(["Robot_Account", "CalleeList_Account", "Timeout", "CallInfo"]));
    // An empty object is an empty optional field: it is left out, so CallInfo itself is missing.
    expect(errors({ ...valid, CallInfo: {} }).CallInfo).toEqual(["is required"]);
    expect(errors({ ...valid, CallInfo: { RoomIdType: 1, RoomId: "5" } })["CallInfo.MediaType"]).toEqual(["is required"]);
  });

  it.each([
    [9999, "must be at least 10000 ms"],
    [600001, "must be at most 600000 ms"],
    [30000.5, "must be a whole number of milliseconds"],
    ["30000", "must be a whole number of milliseconds"],
  ])("checks Timeout %j", (Timeout, message) => {
    expect(errors({ ...valid, Timeout }).Timeout).toEqual([message]);
  });

  it("accepts the Timeout bounds", () => {
    expect(startCallBodySchema.safeParse({ ...valid, Timeout: 10000 }).success).toBe(true);
    expect(startCallBodySchema.safeParse({ ...valid, Timeout: 600000 }).success).toBe(true);
  });

  it("counts UserData in UTF-8 bytes, not characters", () => {
    expect(startCallBodySchema.safeParse({ ...valid, UserData: "a".repeat(1000) }).success).toBe(true);
    // 334 three-byte characters are 1002 bytes but only 334 characters.
    expect(errors({ ...valid, UserData: "好".repeat(334) }).UserData).toEqual(["must be at most 1000 bytes in UTF-8"]);
    expect(startCallBodySchema.safeParse({ ...valid, UserData: "好".repeat(333) }).success).toBe(true);
    // An emoji is 4 bytes: 250 fit, 251 do not.
    expect(startCallBodySchema.safeParse({ ...valid, UserData: "😀".repeat(250) }).success).toBe(true);
    expect(startCallBodySchema.safeParse({ ...valid, UserData: "😀".repeat(251) }).success).toBe(false);
  });

  it("treats an empty UserID as missing", () => {
    expect(errors({ ...valid, Robot_Account: "" }).Robot_Account).toEqual(["is required"]);
  });

  it.each([
    ["名字", "must be printable ASCII (letters, digits, _ and - are safest)"],
    ["tab\there", "must be printable ASCII (letters, digits, _ and - are safest)"],
    ["a".repeat(33), "must be at most 32 bytes"],
  ])("checks UserID %j", (id, message) => {
    expect(errors({ ...valid, Robot_Account: id }).Robot_Account).toEqual([message]);
    expect(errors({ ...valid, CalleeList_Account: ["ok", id] })["CalleeList_Account.1"]).toEqual([message]);
  });

  it("refuses a UserID sent as a number (60015)", () => {
    expect(errors({ ...valid, Robot_Account: 42 }).Robot_Account?.[0]).toMatch(/must be a string/);
    expect(errors({ ...valid, CalleeList_Account: [] }).CalleeList_Account).toEqual(["needs at least one callee"]);
  });

  it("checks MediaType", () => {
    expect(errors({ ...valid, CallInfo: { MediaType: "video" } })["CallInfo.MediaType"]).toEqual(["must be Audio or Video"]);
  });

  describe("RoomId depends on RoomIdType", () => {
    const room = (RoomIdType: unknown, RoomId: string) => errors({ ...valid, CallInfo: { MediaType: "Audio", RoomIdType, RoomId } });

    it("numeric: 1..4294967294, digits only", () => {
      expect(room(1, "1")).toEqual({});
      expect(room(1, "4294967294")).toEqual({});
      expect(room(1, "4294967295")["CallInfo.RoomId"]?.[0]).toMatch(/1 to 4294967294/);
      expect(room(1, "0")["CallInfo.RoomId"]).toBeDefined();
      expect(room(1, "012")["CallInfo.RoomId"]).toBeDefined();
      expect(room(1, "12a")["CallInfo.RoomId"]).toBeDefined();
    });

    it("string: at most 64 bytes of the allowed characters", () => {
      expect(room(2, "Room 42! (test)_a-b:c;d<e=f>g?h@[i]^j{k}|l~m,n#$%&+.")).toEqual({});
      expect(room(2, "x".repeat(64))).toEqual({});
      expect(room(2, "x".repeat(65))["CallInfo.RoomId"]).toEqual(["must be at most 64 bytes"]);
      expect(room(2, 'quote"d')["CallInfo.RoomId"]?.[0]).toMatch(/may only use/);
      expect(room(2, "中文")["CallInfo.RoomId"]?.[0]).toMatch(/may only use/);
    });

    it("refuses TRTC's 0/1 and a numeric RoomId sent as a number", () => {
      expect(room(0, "5")["CallInfo.RoomIdType"]).toEqual(["must be 1 (numeric) or 2 (string)"]);
      expect(errors({ ...valid, CallInfo: { MediaType: "Audio", RoomIdType: 1, RoomId: 5 } })["CallInfo.RoomId"]).toEqual([
        "must be a string, even when numeric",
      ]);
    });
  });

  describe("OfflinePushInfo", () => {
    const push = (OfflinePushInfo: unknown) => errors({ ...valid, OfflinePushInfo });

    it("accepts a full object", () => {
      expect(
        push({
          PushFlag: 0,
          Title: "Incoming call",
          Desc: "Robot is calling",
          Ext: JSON.stringify({ entity: { action: 1 } }),
          MultiLanguageContent: [{ Language: "en", Title: "Call", Desc: "Ringing" }],
          AndroidInfo: {
            Sound: "ring",
            PushStyle: 1,
            HuaWeiChannelID: "calls",
            VIVOClassification: 1,
            VIVONotifyType: "4",
            OPPOCategory: "IM",
            OPPONotifyLevel: 16,
            OPPOPrivateTitleParameters: { name: "Bob" },
            HuaWeiImportance: "NORMAL",
            GooglePriority: "high",
            MeiZuNoticeMsgType: 1,
            ExtAsHuaweiIntentParam: 0,
          },
          ApnsInfo: {
            BadgeMode: 1,
            Sound: "ring.caf",
            InterruptionLevel: "time-sensitive",
            IsVoipPush: 1,
            LiveActivity: { LaId: "la-1", Event: "update", ContentState: { step: 1 }, DismissalDate: 1700000000 },
          },
          HarmonyInfo: { Title: "Call", Image: "https://example.com/a.png", Sound: "ring", SoundDuration: 30 },
          BadgeAddNum: 1,
          BadgeSetNum: 999,
          PushTemplateId: "1400000000-1",
          PushTemplateParam: { name: "Bob" },
        }),
      ).toEqual({});
    });

    it("names each broken push field", () => {
      const result = push({
        PushFlag: 2,
        BadgeAddNum: 0,
        BadgeSetNum: 1000,
        PushTemplateId: "abc",
        AndroidInfo: { VIVONotifyType: 4, OPPONotifyLevel: 3, HuaWeiImportance: "HIGH", Unknown: 1 },
        ApnsInfo: { InterruptionLevel: "loud", LiveActivity: { LaId: "x", Event: "start" } },
        HarmonyInfo: { Image: "http://insecure", Sound: "ring", SoundDuration: 61 },
      });
      expect(result).toMatchObject({
        "OfflinePushInfo.PushFlag": ["must be 0 or 1"],
        "OfflinePushInfo.BadgeAddNum": ["must be at least 1"],
        "OfflinePushInfo.BadgeSetNum": ["must be at most 999"],
        "OfflinePushInfo.PushTemplateId": [expect.stringMatching(/SDKAppID/)],
        "OfflinePushInfo.AndroidInfo.VIVONotifyType": ['must be "1", "2", "3" or "4"'],
        "OfflinePushInfo.AndroidInfo.OPPONotifyLevel": ["must be 1, 2 or 16"],
        "OfflinePushInfo.AndroidInfo.HuaWeiImportance": ["must be LOW or NORMAL"],
        "OfflinePushInfo.ApnsInfo.InterruptionLevel": [expect.stringMatching(/time-sensitive/)],
        "OfflinePushInfo.ApnsInfo.LiveActivity.Event": ["must be update or end"],
        "OfflinePushInfo.HarmonyInfo.Image": ["must be an https:// URL"],
        "OfflinePushInfo.HarmonyInfo.SoundDuration": ["must be at most 60"],
        "OfflinePushInfo.ApnsInfo.LiveActivity.ContentState": ["is required (a JSON object)"],
      });
      expect(
        Object.keys(result).some((key) => key.startsWith("OfflinePushInfo.AndroidInfo") && /Unknown|unrecognized/i.test(key + result[key])),
      ).toBe(true);
    });

    it("allows SoundDuration only with Sound", () => {
      expect(push({ HarmonyInfo: { SoundDuration: 10 } })["OfflinePushInfo.HarmonyInfo.SoundDuration"]).toEqual([
        "only applies together with Sound",
      ]);
    });
  });

  it("refuses a body above 12 KB, naming the size", () => {
    const callees = Array.from({ length: 400 }, (_, i) => `callee_with_a_long_name_${String(i).padStart(8, "0")}`);
    const result = errors({ ...valid, CalleeList_Account: callees });
    expect(result["(body)"]?.[0]).toMatch(/bytes; the gateway refuses more than 12288/);
  });

  it("keeps fields the API does not have (the console advises), yet a misspelt required field is still missing", () => {
    const { Timeout: _timeout, ...withoutTimeout } = valid;
    expect(errors({ ...withoutTimeout, Timeuot: 30000 })).toEqual({ Timeout: ["is required"] });
  });
});

describe("splitUserIds", () => {
  it("splits on lines and commas, dropping blanks and outer spaces", () => {
    expect(splitUserIds("alice\n bob ,carol,,\n\n dave  ")).toEqual(["alice", "bob", "carol", "dave"]);
    expect(splitUserIds("  ")).toEqual([]);
  });
});

describe("what Tencent does not state is advice, not a refusal", () => {
  it.each([
    ["a repeated callee", { ...valid, CalleeList_Account: ["a", "b", "a"] }],
    ["a space in a UserID", { ...valid, Robot_Account: "has space", CalleeList_Account: ["bad user"] }],
    ["RoomId without RoomIdType", { ...valid, CallInfo: { MediaType: "Audio", RoomId: "room x" } }],
    ["a field Tencent does not document", { ...valid, SomeNewField: true, CallInfo: { MediaType: "Audio", Extra: 1 } }],
  ])("accepts %s, and keeps it in the body", (_name, body) => {
    const parsed = startCallBodySchema.safeParse(body);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(body);
  });
});
