/**
 * The OfflinePushInfo inputs, described once: the form renders them and the
 * form model converts their text into the API's types from the same list.
 * Each field's hint (and each 0/1 switch's meaning) is in the messages, under
 * callForm.push.fields.<path>.
 */
export type FieldKind = "text" | "textarea" | "int" | "select" | "json";

export interface PushFieldSpec {
  /** Path inside OfflinePushInfo, e.g. "AndroidInfo.Sound". */
  path: string;
  kind: FieldKind;
  /** For selects: the values as typed into JSON (the form adds "" = leave out). Numeric selects send numbers. */
  options?: string[];
  /** A 0/1 switch: its values' meanings (`off`, `on`) are in the messages. */
  flag?: boolean;
  numeric?: boolean;
}

const flag: Pick<PushFieldSpec, "options" | "flag"> = { options: ["0", "1"], flag: true };
const choice = (...values: string[]) => values;

export const PUSH_GENERAL: PushFieldSpec[] = [
  {
    path: "PushFlag",
    kind: "select",
    numeric: true,
    ...flag,
  },
  { path: "Title", kind: "text" },
  { path: "Desc", kind: "textarea" },
  { path: "Ext", kind: "textarea" },
  { path: "BadgeAddNum", kind: "int" },
  { path: "BadgeSetNum", kind: "int" },
  { path: "PushTemplateId", kind: "text" },
  { path: "PushTemplateParam", kind: "json" },
];

export const PUSH_ANDROID: PushFieldSpec[] = [
  { path: "AndroidInfo.Sound", kind: "text" },
  {
    path: "AndroidInfo.PushStyle",
    kind: "select",
    numeric: true,
    ...flag,
  },
  { path: "AndroidInfo.HuaWeiChannelID", kind: "text" },
  { path: "AndroidInfo.HuaWeiImportance", kind: "select", options: choice("LOW", "NORMAL") },
  { path: "AndroidInfo.HuaWeiCategory", kind: "text" },
  { path: "AndroidInfo.HuaWeiImage", kind: "text" },
  { path: "AndroidInfo.HonorImportance", kind: "select", options: choice("LOW", "NORMAL") },
  { path: "AndroidInfo.HonorImage", kind: "text" },
  { path: "AndroidInfo.XiaoMiChannelID", kind: "text" },
  { path: "AndroidInfo.OPPOChannelID", kind: "text" },
  { path: "AndroidInfo.OPPOCategory", kind: "text" },
  {
    path: "AndroidInfo.OPPONotifyLevel",
    kind: "select",
    numeric: true,
    options: choice("1", "2", "16"),
  },
  { path: "AndroidInfo.OPPOPrivateMsgTemplateId", kind: "text" },
  { path: "AndroidInfo.OPPOPrivateTitleParameters", kind: "json" },
  { path: "AndroidInfo.OPPOPrivateContentParameters", kind: "json" },
  {
    path: "AndroidInfo.VIVOClassification",
    kind: "select",
    numeric: true,
    ...flag,
  },
  { path: "AndroidInfo.VIVOCategory", kind: "text" },
  {
    path: "AndroidInfo.VIVONotifyType",
    kind: "select",
    options: choice("1", "2", "3", "4"),
  },
  { path: "AndroidInfo.GoogleChannelID", kind: "text" },
  { path: "AndroidInfo.GooglePriority", kind: "select", options: choice("normal", "high") },
  { path: "AndroidInfo.GoogleImage", kind: "text" },
  {
    path: "AndroidInfo.MeiZuNoticeMsgType",
    kind: "select",
    numeric: true,
    ...flag,
  },
  {
    path: "AndroidInfo.ExtAsHuaweiIntentParam",
    kind: "select",
    numeric: true,
    ...flag,
  },
];

export const PUSH_APNS: PushFieldSpec[] = [
  {
    path: "ApnsInfo.IsVoipPush",
    kind: "select",
    numeric: true,
    ...flag,
  },
  { path: "ApnsInfo.Title", kind: "text" },
  { path: "ApnsInfo.SubTitle", kind: "text" },
  { path: "ApnsInfo.Sound", kind: "text" },
  { path: "ApnsInfo.Image", kind: "text" },
  {
    path: "ApnsInfo.MutableContent",
    kind: "select",
    numeric: true,
    ...flag,
  },
  {
    path: "ApnsInfo.BadgeMode",
    kind: "select",
    numeric: true,
    ...flag,
  },
  {
    path: "ApnsInfo.InterruptionLevel",
    kind: "select",
    options: choice("active", "critical", "passive", "time-sensitive"),
  },
  { path: "ApnsInfo.ContentAvailable", kind: "select", numeric: true, ...flag },
  { path: "ApnsInfo.LiveActivity.LaId", kind: "text" },
  { path: "ApnsInfo.LiveActivity.Event", kind: "select", options: choice("update", "end") },
  {
    path: "ApnsInfo.LiveActivity.ContentState",
    kind: "json",
  },
  { path: "ApnsInfo.LiveActivity.DismissalDate", kind: "int" },
];

export const PUSH_HARMONY: PushFieldSpec[] = [
  { path: "HarmonyInfo.Title", kind: "text" },
  { path: "HarmonyInfo.Category", kind: "text" },
  { path: "HarmonyInfo.Image", kind: "text" },
  { path: "HarmonyInfo.Sound", kind: "text" },
  { path: "HarmonyInfo.SoundDuration", kind: "int" },
];

export const PUSH_FIELDS: PushFieldSpec[] = [...PUSH_GENERAL, ...PUSH_ANDROID, ...PUSH_APNS, ...PUSH_HARMONY];

/** Form field keys may not contain dots (react-hook-form nests on them). */
export const pushKey = (path: string) => path.replace(/\./g, ":");
