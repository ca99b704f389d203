import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/db/requests";
import { csvLine, jsonRecord } from "./export";
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

describe("what the console writes for others, in another language", () => {
  const chinese = { locale: "zh-CN", explanation: "UserID 不存在。请求中的某个 UserID 从未导入即时通信 IM。" };

  it("Copy for support adds the explanation in the user's language above the English, and changes nothing else", () => {
    const english = supportText(entry);
    const text = supportText(entry, chinese);
    const lines = text.split("\n");
    const at = lines.indexOf(`Explanation (zh-CN): ${chinese.explanation}`);
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^Explanation: UserID does not exist\. /);
    // Without that one line it is the English text, field names and UTC time included.
    expect(lines.filter((_, i) => i !== at).join("\n")).toBe(english);
    expect(text).toContain("Time (UTC): 2026-11-25 10:00:00.123");
  });

  it("in English, Copy for support is just English", () => {
    expect(supportText(entry, { locale: "en", explanation: "UserID does not exist. A UserID…" })).toBe(supportText(entry));
  });

  it("cURL, CSV and JSON take no language: their modules read neither the messages nor the request's locale", () => {
    for (const file of ["support.ts", "export.ts"]) {
      const source = readFileSync(join(__dirname, file), "utf8");
      expect(source, file).not.toMatch(/next-intl|@\/lib\/i18n|toLocale|Intl\./);
    }
    expect(curlCommand(entry)).not.toMatch(/[^\x00-\x7f]/);
    expect(csvLine({ ...entry, callees: ["a"], profile_name: "p" } as HistoryEntry)).toContain("2026-11-25T10:00:00.123Z");
    expect(jsonRecord({ ...entry, callees: ["a"] } as HistoryEntry)).toMatchObject({
      created_at: "2026-11-25T10:00:00.123Z",
      error_code: 70107,
    });
  });
});
