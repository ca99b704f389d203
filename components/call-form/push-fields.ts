/**
 * The OfflinePushInfo inputs, described once: the form renders them and the
 * form model converts their text into the API's types from the same list.
 */
export type FieldKind = "text" | "textarea" | "int" | "select" | "json";

export interface PushFieldSpec {
  /** Path inside OfflinePushInfo, e.g. "AndroidInfo.Sound". */
  path: string;
  hint: string;
  kind: FieldKind;
  /** For selects: the values as typed into JSON ("" = leave out). Numeric selects send numbers. */
  options?: { value: string; label: string }[];
  numeric?: boolean;
}

const flag = (off: string, on: string) => [
  { value: "", label: "— not set —" },
  { value: "0", label: `0: ${off}` },
  { value: "1", label: `1: ${on}` },
];
const choice = (...values: string[]) => [{ value: "", label: "— not set —" }, ...values.map((v) => ({ value: v, label: v }))];

export const PUSH_GENERAL: PushFieldSpec[] = [
  {
    path: "PushFlag",
    kind: "select",
    numeric: true,
    options: flag("online delivery or offline push", "online only"),
    hint: "0 pushes offline devices too.",
  },
  { path: "Title", kind: "text", hint: "Notification title. Vendors cut long titles (vivo 40, Meizu 32 characters)." },
  { path: "Desc", kind: "textarea", hint: "Notification text. Keep Desc + Ext under 3 KB for APNs." },
  { path: "Ext", kind: "textarea", hint: "Passed to the app on tap. Make it JSON text: some Android vendors drop other pushes." },
  { path: "BadgeAddNum", kind: "int", hint: "Add to the app badge, 1..99." },
  { path: "BadgeSetNum", kind: "int", hint: "Set the badge, 0..999 (Huawei/Honor/Harmony 0..99). Wins over BadgeAddNum." },
  { path: "PushTemplateId", kind: "text", hint: 'A push template, like "1400000000-1".' },
  { path: "PushTemplateParam", kind: "json", hint: 'Template parameters as a JSON object, e.g. {"name": "Bob"}.' },
];

export const PUSH_ANDROID: PushFieldSpec[] = [
  { path: "AndroidInfo.Sound", kind: "text", hint: "Sound file name without extension." },
  {
    path: "AndroidInfo.PushStyle",
    kind: "select",
    numeric: true,
    options: flag("default", "big text"),
    hint: "1 allows OPPO bodies up to 128 characters.",
  },
  { path: "AndroidInfo.HuaWeiChannelID", kind: "text", hint: "Huawei notification channel." },
  { path: "AndroidInfo.HuaWeiImportance", kind: "select", options: choice("LOW", "NORMAL"), hint: "Huawei message class." },
  { path: "AndroidInfo.HuaWeiCategory", kind: "text", hint: "Huawei self-classification category." },
  { path: "AndroidInfo.HuaWeiImage", kind: "text", hint: "Huawei notification icon, an https:// URL." },
  { path: "AndroidInfo.HonorImportance", kind: "select", options: choice("LOW", "NORMAL"), hint: "Honor message class." },
  { path: "AndroidInfo.HonorImage", kind: "text", hint: "Honor notification icon, an https:// URL." },
  { path: "AndroidInfo.XiaoMiChannelID", kind: "text", hint: "Xiaomi notification channel." },
  { path: "AndroidInfo.OPPOChannelID", kind: "text", hint: "OPPO notification channel." },
  { path: "AndroidInfo.OPPOCategory", kind: "text", hint: "OPPO message category (required with OPPONotifyLevel)." },
  {
    path: "AndroidInfo.OPPONotifyLevel",
    kind: "select",
    numeric: true,
    options: choice("1", "2", "16"),
    hint: "OPPO reminder level: 1, 2 or 16; needs OPPOCategory.",
  },
  { path: "AndroidInfo.OPPOPrivateMsgTemplateId", kind: "text", hint: "OPPO private message template." },
  { path: "AndroidInfo.OPPOPrivateTitleParameters", kind: "json", hint: "JSON object of title parameters." },
  { path: "AndroidInfo.OPPOPrivateContentParameters", kind: "json", hint: "JSON object of content parameters." },
  {
    path: "AndroidInfo.VIVOClassification",
    kind: "select",
    numeric: true,
    options: flag("operational", "system"),
    hint: "vivo message class.",
  },
  { path: "AndroidInfo.VIVOCategory", kind: "text", hint: "vivo message category (e.g. IM)." },
  {
    path: "AndroidInfo.VIVONotifyType",
    kind: "select",
    options: choice("1", "2", "3", "4"),
    hint: 'vivo reminder type, "1".."4" (sent as text).',
  },
  { path: "AndroidInfo.GoogleChannelID", kind: "text", hint: "FCM notification channel." },
  { path: "AndroidInfo.GooglePriority", kind: "select", options: choice("normal", "high"), hint: "FCM priority." },
  { path: "AndroidInfo.GoogleImage", kind: "text", hint: "FCM notification image URL." },
  {
    path: "AndroidInfo.MeiZuNoticeMsgType",
    kind: "select",
    numeric: true,
    options: flag("public", "private"),
    hint: "Meizu message type.",
  },
  {
    path: "AndroidInfo.ExtAsHuaweiIntentParam",
    kind: "select",
    numeric: true,
    options: flag("Ext as is", "Ext as intent parameters"),
    hint: "Huawei: pass Ext as intent parameters.",
  },
];

export const PUSH_APNS: PushFieldSpec[] = [
  {
    path: "ApnsInfo.IsVoipPush",
    kind: "select",
    numeric: true,
    options: flag("ordinary push", "VoIP push"),
    hint: "VoIP pushes wake the app for incoming calls.",
  },
  { path: "ApnsInfo.Title", kind: "text", hint: "APNs title (overrides Title)." },
  { path: "ApnsInfo.SubTitle", kind: "text", hint: "APNs subtitle." },
  { path: "ApnsInfo.Sound", kind: "text", hint: "Sound file name with extension." },
  { path: "ApnsInfo.Image", kind: "text", hint: "Image URL (needs MutableContent 1)." },
  {
    path: "ApnsInfo.MutableContent",
    kind: "select",
    numeric: true,
    options: flag("off", "on"),
    hint: "Lets a notification extension change the push.",
  },
  {
    path: "ApnsInfo.BadgeMode",
    kind: "select",
    numeric: true,
    options: flag("counts", "does not count"),
    hint: "Whether this push counts on the badge.",
  },
  {
    path: "ApnsInfo.InterruptionLevel",
    kind: "select",
    options: choice("active", "critical", "passive", "time-sensitive"),
    hint: "iOS 15 interruption level.",
  },
  { path: "ApnsInfo.ContentAvailable", kind: "select", numeric: true, options: flag("off", "on"), hint: "Background update push." },
  { path: "ApnsInfo.LiveActivity.LaId", kind: "text", hint: "Live Activity ID, at most 64 bytes (required with a Live Activity)." },
  { path: "ApnsInfo.LiveActivity.Event", kind: "select", options: choice("update", "end"), hint: "Live Activity event." },
  {
    path: "ApnsInfo.LiveActivity.ContentState",
    kind: "json",
    hint: "Live Activity content state, a JSON object (required with a Live Activity).",
  },
  { path: "ApnsInfo.LiveActivity.DismissalDate", kind: "int", hint: "When an ended activity disappears, unix seconds." },
];

export const PUSH_HARMONY: PushFieldSpec[] = [
  { path: "HarmonyInfo.Title", kind: "text", hint: "HarmonyOS title." },
  { path: "HarmonyInfo.Category", kind: "text", hint: "HarmonyOS notification category." },
  { path: "HarmonyInfo.Image", kind: "text", hint: "https:// image URL." },
  { path: "HarmonyInfo.Sound", kind: "text", hint: "Sound file name." },
  { path: "HarmonyInfo.SoundDuration", kind: "int", hint: "Sound length, 1..60 s (only with Sound)." },
];

export const PUSH_FIELDS: PushFieldSpec[] = [...PUSH_GENERAL, ...PUSH_ANDROID, ...PUSH_APNS, ...PUSH_HARMONY];

/** Form field keys may not contain dots (react-hook-form nests on them). */
export const pushKey = (path: string) => path.replace(/\./g, ":");
