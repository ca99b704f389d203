/**
 * Things that are allowed but probably not what the operator wants: shown
 * beside the form and listed in the preview, never blocking a send. Two kinds:
 * notes from Tencent's documents (vendor limits, APNs size, Ext as JSON), and
 * the console's own advice, rules Tencent does not state (a repeated callee, a
 * space in a UserID, RoomId without RoomIdType, a field Tencent does not
 * document), whose message says so: an operator reproducing a customer's
 * problem must be able to send what the customer sent.
 */
import { utf16Units, utf8Bytes } from "./text";
import type { StartCallBody } from "./schemas/start-call";

/** Vendors cut push titles and bodies at these lengths (UTF-16 units). */
export const VENDOR_LIMITS = [
  { vendor: "Huawei", title: 60, body: 600 },
  { vendor: "Honor", title: 50, body: 400 },
  { vendor: "Xiaomi", title: 50, body: 128 },
  { vendor: "OPPO", title: 50, body: 50 },
  { vendor: "vivo", title: 40, body: 100 },
  { vendor: "Meizu", title: 32, body: 100 },
] as const;

/** TUICallKit group calls hold at most 9 people: the robot and 8 callees. */
export const GROUP_CALL_MAX_CALLEES = 8;

export interface BodyWarning {
  field: string;
  message: string;
  /** "tencent": from Tencent's documents; "console": the console's own advice, not a Tencent rule. */
  origin: "tencent" | "console";
}

/** How every piece of the console's own advice begins. */
export const CONSOLE_ADVICE = "Console advice (not a Tencent rule):";

/** The start_call_by_robot fields Tencent documents (reference §3); CallInfo's own below. */
const DOCUMENTED_FIELDS = ["Robot_Account", "CalleeList_Account", "Timeout", "UserData", "CallInfo", "OfflinePushInfo"];
const DOCUMENTED_CALL_INFO_FIELDS = ["MediaType", "RoomIdType", "RoomId"];
/** Tencent recommends these characters for UserIDs; others are allowed (printable ASCII). */
const RECOMMENDED_USER_ID = /^[A-Za-z0-9_-]+$/;

const advice = (field: string, text: string): BodyWarning => ({ field, message: `${CONSOLE_ADVICE} ${text}`, origin: "console" });
const note = (field: string, message: string): BodyWarning => ({ field, message, origin: "tencent" });
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The console's own advice about a body that Tencent's documented rules accept. */
export function consoleAdvice(body: Partial<StartCallBody>): BodyWarning[] {
  const warnings: BodyWarning[] = [];
  const callees = Array.isArray(body.CalleeList_Account) ? body.CalleeList_Account : [];
  const robot = typeof body.Robot_Account === "string" ? body.Robot_Account : "";
  if (robot && !RECOMMENDED_USER_ID.test(robot)) {
    warnings.push(advice("Robot_Account", `"${robot}" uses characters other than letters, digits, _ and - (which Tencent recommends).`));
  }
  const odd = callees.filter((c) => typeof c === "string" && c !== "" && !RECOMMENDED_USER_ID.test(c));
  if (odd.length > 0) {
    warnings.push(
      advice(
        "CalleeList_Account",
        `${odd.map((c) => `"${c}"`).join(", ")} use${odd.length === 1 ? "s" : ""} characters other than letters, digits, _ and - (which Tencent recommends).`,
      ),
    );
  }
  const repeated = [...new Set(callees.filter((c, i) => callees.indexOf(c) !== i))];
  if (repeated.length > 0) {
    warnings.push(advice("CalleeList_Account", `${repeated.map((c) => `"${c}"`).join(", ")} listed more than once.`));
  }
  const info: unknown = body.CallInfo;
  if (isObject(info)) {
    if (info.RoomId !== undefined && info.RoomIdType === undefined) {
      warnings.push(
        advice(
          "CallInfo.RoomIdType",
          "RoomId without RoomIdType: Tencent does not say how the room ID is then read; set 1 (numeric) or 2 (string).",
        ),
      );
    }
    for (const key of Object.keys(info).filter((k) => !DOCUMENTED_CALL_INFO_FIELDS.includes(k))) {
      warnings.push(advice(`CallInfo.${key}`, `CallInfo.${key} is not a documented field; the Call Engine may ignore it.`));
    }
  }
  for (const key of Object.keys(body).filter((k) => !DOCUMENTED_FIELDS.includes(k))) {
    warnings.push(advice(key, `${key} is not a documented field; the Call Engine may ignore it.`));
  }
  if (robot && callees.includes(robot)) {
    warnings.push(advice("CalleeList_Account", "The robot account also appears among the callees."));
  }
  return warnings;
}

export function bodyWarnings(body: Partial<StartCallBody>): BodyWarning[] {
  const warnings: BodyWarning[] = consoleAdvice(body);
  const callees = body.CalleeList_Account ?? [];
  if (callees.length > GROUP_CALL_MAX_CALLEES) {
    warnings.push(
      note(
        "CalleeList_Account",
        `${callees.length} callees: TUICallKit group calls hold at most 9 people (the robot and ${GROUP_CALL_MAX_CALLEES} callees).`,
      ),
    );
  }
  const push = body.OfflinePushInfo;
  if (!push) return warnings;
  const ext = push.Ext;
  if (ext !== undefined) {
    try {
      JSON.parse(ext);
    } catch {
      warnings.push(note("OfflinePushInfo.Ext", "Ext is not JSON text: some Android vendors drop such pushes."));
    }
  }
  const apnsBytes = utf8Bytes(push.Desc ?? "") + utf8Bytes(ext ?? "");
  if (apnsBytes > 3072) {
    warnings.push(
      note(
        "OfflinePushInfo.Desc",
        `Desc and Ext together are ${apnsBytes} bytes: keep them under 3 KB, or APNs (4 KB payload) may refuse the push.`,
      ),
    );
  }
  const title = push.Title ?? "";
  const desc = push.Desc ?? "";
  const cutTitle = VENDOR_LIMITS.filter((v) => utf16Units(title) > v.title).map((v) => `${v.vendor} (${v.title})`);
  const cutDesc = VENDOR_LIMITS.filter(
    (v) => utf16Units(desc) > (v.vendor === "OPPO" && push.AndroidInfo?.PushStyle === 1 ? 128 : v.body),
  ).map((v) => v.vendor);
  if (cutTitle.length > 0) {
    warnings.push(note("OfflinePushInfo.Title", `The title is ${utf16Units(title)} characters; cut short by ${cutTitle.join(", ")}.`));
  }
  if (cutDesc.length > 0) {
    warnings.push(note("OfflinePushInfo.Desc", `The text is ${utf16Units(desc)} characters; cut short by ${cutDesc.join(", ")}.`));
  }
  if (push.BadgeSetNum !== undefined && push.BadgeSetNum > 99) {
    warnings.push(note("OfflinePushInfo.BadgeSetNum", "Huawei, Honor and Harmony accept badge numbers up to 99 only."));
  }
  if (push.PushFlag === 1) {
    warnings.push(note("OfflinePushInfo.PushFlag", "PushFlag 1 delivers online only: callees whose app is closed get no push."));
  }
  return warnings;
}
