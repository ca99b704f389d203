/**
 * Names that stay as they are in every language: the API's fields and
 * commands, Tencent's product names, acronyms, keys. Operators type and search
 * them, so a translated page still shows them in English.
 */
export const API_NAMES: ReadonlySet<string> = new Set(
  (
    "Robot_Account CalleeList_Account ErrorCode ErrorInfo ActionStatus RequestId CallId UserID UserId SDKAppID SdkAppid SDKAppId " +
    "UserSig usersig Timeout UserData CallInfo MediaType RoomId RoomIdType OfflinePushInfo PushFlag Title Desc Ext AndroidInfo " +
    "ApnsInfo CallResult CallRecord Audio Video Tencent Cloud Call Engine TRTC Chat REST API JSON CSV cURL UTC URL HTTP HTTPS ID " +
    "SecretKey Ctrl Cmd Enter Esc Escape K OK FAIL TUICallKit Simulator Environment Sample " +
    // Query parameters of every request, and fields and values of start_call_by_robot's and the records' answers.
    "identifier random ResultCode CallType SingleCall MultiCall " +
    // CallRecord.CallResult values, which the records filter offers as they are.
    "Cancel Reject NotAnswer NormalEnd CallBusy Interrupt Offline " +
    // Documented values the push settings offer as they are sent (GooglePriority, InterruptionLevel, a live
    // activity's event, a Huawei intent), set_callback's Url, UserSig's expire, the default admin account.
    "normal high active critical passive update end Intent Url expire administrator"
  ).split(" "),
);

/** A token that is a name rather than a word: an API name, a path, an id, an acronym, a number. */
export function isApiName(token: string): boolean {
  return (
    API_NAMES.has(token) ||
    /[_/@\d]/.test(token) ||
    /^[A-Z0-9.+-]+$/.test(token) ||
    /^v\d/.test(token) ||
    // A domain or a dotted API path (console.tim.qq.com, Call.CallbackAfterEndCall).
    /\w\.\w/.test(token) ||
    // An identifier with an inner capital (CallbackCommandList, OfflinePushInfo): an API name.
    /^[A-Z]?[a-z]+[A-Z]/.test(token) ||
    // Hyphenated ids (a RequestId, a generated UserID): not prose.
    /\w-\w/.test(token)
  );
}

/** The words of a text a person reads that are neither Chinese nor names: what a translated page must not show. */
export function untranslatedWords(text: string): string[] {
  // Latin runs only: in "应用配置Simulator" the Chinese is the translation and "Simulator" a name.
  const tokens = text.match(/[A-Za-z0-9_./:@+-]+/g) ?? [];
  return tokens.map((t) => t.replace(/[.:,]+$/, "")).filter((t) => /[A-Za-z]/.test(t) && !isApiName(t));
}
