import { describe, expect, it } from "vitest";
import { DEFAULT_VALUES, bodyToFormValues, formToBody, type CallFormValues } from "./form-model";
import { validateForm } from "./form-rules";
import { pushKey } from "./push-fields";

const filled = (over: Partial<CallFormValues> = {}, push: Record<string, string> = {}): CallFormValues => ({
  ...DEFAULT_VALUES,
  profileId: "simulator",
  Robot_Account: " robot_1 ",
  CalleeList_Account: "alice\nbob, carol",
  ...over,
  push: { ...DEFAULT_VALUES.push, ...Object.fromEntries(Object.entries(push).map(([k, v]) => [pushKey(k), v])) },
});

describe("call form model", () => {
  it("maps the inputs onto the API body, leaving empty fields out", () => {
    expect(formToBody(filled()).body).toEqual({
      Robot_Account: "robot_1",
      CalleeList_Account: ["alice", "bob", "carol"],
      Timeout: 30000,
      CallInfo: { MediaType: "Video" },
    });
  });

  it("sends numbers as numbers, text selects as text, and nested push settings in place", () => {
    const { body } = formToBody(
      filled(
        { CallInfo: { MediaType: "Audio", RoomIdType: "1", RoomId: "1234" } },
        {
          PushFlag: "0",
          "AndroidInfo.VIVONotifyType": "2",
          "AndroidInfo.OPPOCategory": "IM",
          "AndroidInfo.OPPONotifyLevel": "16",
          "ApnsInfo.LiveActivity.LaId": "la",
          "ApnsInfo.LiveActivity.Event": "end",
          "ApnsInfo.LiveActivity.ContentState": '{"step":2}',
          PushTemplateParam: '{"name":"Bob"}',
        },
      ),
    );
    expect(body).toMatchObject({
      CallInfo: { MediaType: "Audio", RoomIdType: 1, RoomId: "1234" },
      OfflinePushInfo: {
        PushFlag: 0,
        AndroidInfo: { VIVONotifyType: "2", OPPOCategory: "IM", OPPONotifyLevel: 16 },
        ApnsInfo: { LiveActivity: { LaId: "la", Event: "end", ContentState: { step: 2 } } },
        PushTemplateParam: { name: "Bob" },
      },
    });
  });

  it("puts every error on its form field, naming the callee at fault", () => {
    const { byField } = validateForm(
      filled(
        { profileId: "", Robot_Account: "", CalleeList_Account: "ok\nbad\tuser\nok", Timeout: "abc" },
        { PushTemplateParam: "{oops", "HarmonyInfo.SoundDuration": "99" },
      ),
    );
    expect(byField.profileId).toEqual(["choose the app profile to send with"]);
    expect(byField.Robot_Account).toEqual(["is required"]);
    // A space and a repeated callee are the console's advice (body-warnings.ts), not errors.
    expect(byField.CalleeList_Account).toEqual(['callee "bad\tuser" must be printable ASCII (letters, digits, _ and - are safest)']);
    expect(byField.Timeout).toEqual(["must be a whole number of milliseconds"]);
    expect(byField["push.PushTemplateParam"]).toEqual(['must be valid JSON, e.g. {"key": "value"}']);
    expect(byField["push.HarmonyInfo:SoundDuration"]).toEqual(["must be at most 60", "only applies together with Sound"]);
  });

  it("is clean for a valid form", () => {
    expect(validateForm(filled()).byField).toEqual({});
  });
});

describe("replay", () => {
  it("turns a recorded body back into the same body", () => {
    const body = {
      Robot_Account: "robot_1",
      CalleeList_Account: ["alice", "bob"],
      Timeout: 45000,
      UserData: "hi",
      CallInfo: { MediaType: "Audio", RoomIdType: 2, RoomId: "room-1" },
      OfflinePushInfo: {
        PushFlag: 0,
        Title: "Call",
        AndroidInfo: { VIVONotifyType: "2", OPPOPrivateTitleParameters: { a: "b" } },
        ApnsInfo: { IsVoipPush: 1 },
        MultiLanguageContent: [{ Language: "en", Title: "Call", Desc: "Ringing" }],
      },
    };
    const values = { ...DEFAULT_VALUES, ...bodyToFormValues(body, "simulator") } as CallFormValues;
    expect(formToBody(values).body).toEqual(body);
    expect(values.profileId).toBe("simulator");
  });
});
