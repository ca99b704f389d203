/**
 * Things that are allowed but probably not what the operator wants: shown
 * beside the form, never blocking a send.
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
}

export function bodyWarnings(body: Partial<StartCallBody>): BodyWarning[] {
  const warnings: BodyWarning[] = [];
  const callees = body.CalleeList_Account ?? [];
  if (callees.length > GROUP_CALL_MAX_CALLEES) {
    warnings.push({
      field: "CalleeList_Account",
      message: `${callees.length} callees: TUICallKit group calls hold at most 9 people (the robot and ${GROUP_CALL_MAX_CALLEES} callees).`,
    });
  }
  if (body.Robot_Account && callees.includes(body.Robot_Account)) {
    warnings.push({ field: "CalleeList_Account", message: "The robot account also appears among the callees." });
  }
  const push = body.OfflinePushInfo;
  if (!push) return warnings;
  const ext = push.Ext;
  if (ext !== undefined) {
    try {
      JSON.parse(ext);
    } catch {
      warnings.push({ field: "OfflinePushInfo.Ext", message: "Ext is not JSON text: some Android vendors drop such pushes." });
    }
  }
  const apnsBytes = utf8Bytes(push.Desc ?? "") + utf8Bytes(ext ?? "");
  if (apnsBytes > 3072) {
    warnings.push({
      field: "OfflinePushInfo.Desc",
      message: `Desc and Ext together are ${apnsBytes} bytes: keep them under 3 KB, or APNs (4 KB payload) may refuse the push.`,
    });
  }
  const title = push.Title ?? "";
  const desc = push.Desc ?? "";
  const cutTitle = VENDOR_LIMITS.filter((v) => utf16Units(title) > v.title).map((v) => `${v.vendor} (${v.title})`);
  const cutDesc = VENDOR_LIMITS.filter(
    (v) => utf16Units(desc) > (v.vendor === "OPPO" && push.AndroidInfo?.PushStyle === 1 ? 128 : v.body),
  ).map((v) => v.vendor);
  if (cutTitle.length > 0) {
    warnings.push({
      field: "OfflinePushInfo.Title",
      message: `The title is ${utf16Units(title)} characters; cut short by ${cutTitle.join(", ")}.`,
    });
  }
  if (cutDesc.length > 0) {
    warnings.push({
      field: "OfflinePushInfo.Desc",
      message: `The text is ${utf16Units(desc)} characters; cut short by ${cutDesc.join(", ")}.`,
    });
  }
  if (push.BadgeSetNum !== undefined && push.BadgeSetNum > 99) {
    warnings.push({ field: "OfflinePushInfo.BadgeSetNum", message: "Huawei, Honor and Harmony accept badge numbers up to 99 only." });
  }
  if (push.PushFlag === 1) {
    warnings.push({
      field: "OfflinePushInfo.PushFlag",
      message: "PushFlag 1 delivers online only: callees whose app is closed get no push.",
    });
  }
  return warnings;
}
