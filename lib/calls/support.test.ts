import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/db/requests";
import { curlCommand, supportText } from "./support";

const entry = {
  id: "01J",
  command: "call_engine_http_srv/start_call_by_robot",
  base_url: "https://adminapisgp.im.qcloud.com",
  url: "https://adminapisgp.im.qcloud.com/v4/call_engine_http_srv/start_call_by_robot?sdkappid=1400000000&identifier=administrator&usersig=<USERSIG>&random=42&contenttype=json",
  sdk_app_id: 1400000000,
  admin_identifier: "administrator",
  random: 42,
  created_at: "2026-11-25T10:00:00.123Z",
  outcome: "api-error",
  http_status: 200,
  error_code: 70107,
  error_info: "UserID ghost does not exist",
  request_id: "Id-0123456789abcdef0123456789abcdef-O-Seq-7",
  call_id: null,
  detail: null,
  requestBody: { Robot_Account: "robot", CalleeList_Account: ["o'brien"] },
} as unknown as HistoryEntry;

describe("support text and cURL", () => {
  it("says what Tencent support asks for", () => {
    const text = supportText(entry);
    expect(text).toContain("RequestId: Id-0123456789abcdef0123456789abcdef-O-Seq-7");
    expect(text).toContain("Time (UTC): 2026-11-25 10:00:00.123");
    expect(text).toContain("Domain: adminapisgp.im.qcloud.com");
    expect(text).toContain("SDKAppID: 1400000000");
    expect(text).toContain("API: v4/call_engine_http_srv/start_call_by_robot");
    expect(text).toContain("ErrorCode: 70107");
    expect(text).toContain("ErrorInfo: UserID ghost does not exist");
    expect(text).toContain("Explanation: UserID does not exist.");
    expect(text).toContain('"Robot_Account": "robot"');
  });

  it("quotes the body for a shell and keeps the UserSig a placeholder", () => {
    const curl = curlCommand(entry);
    expect(curl).toContain("usersig=<USERSIG>");
    expect(curl).toContain(`--data-raw '{"Robot_Account":"robot","CalleeList_Account":["o'\\''brien"]}'`);
  });
});
