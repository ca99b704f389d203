/**
 * The two Chat commands the console uses to check callees before they ring:
 * im_open_login_svc/account_check and openim/query_online_status. Their
 * answers sit beside the envelope, as documented. Magic accounts decide:
 * sim-not-imported is NotImported (and 70107 in ErrorList), sim-offline is
 * Offline; every other UserID is imported and online.
 */
import { okBeside } from "./envelope";
import { matchMagic } from "./magic-accounts";
import { refuse, simAccountCheckBody, simOnlineStatusBody } from "./rules";
import type { Handler } from "./handlers";

/** Chat's "invalid parameter". */
const CHAT_INVALID = 70402;

export const accountCheck: Handler = (_ctx, body) => {
  const parsed = simAccountCheckBody.safeParse(body);
  if (!parsed.success) return refuse(parsed.error, CHAT_INVALID);
  return okBeside({
    ResultItem: parsed.data.CheckItem.map(({ UserID }) => ({
      UserID,
      ResultCode: 0,
      ResultInfo: "",
      AccountStatus: matchMagic(UserID) === "sim-not-imported" ? "NotImported" : "Imported",
    })),
  });
};

export const queryOnlineStatus: Handler = (_ctx, body) => {
  const parsed = simOnlineStatusBody.safeParse(body);
  if (!parsed.success) return refuse(parsed.error, CHAT_INVALID);
  const { To_Account, IsNeedDetail } = parsed.data;
  const known = To_Account.filter((id) => matchMagic(id) !== "sim-not-imported");
  return okBeside({
    QueryResult: known.map((id) => {
      const Status = matchMagic(id) === "sim-offline" ? "Offline" : "Online";
      return {
        To_Account: id,
        Status,
        ...(IsNeedDetail === 1 && Status === "Online" ? { Detail: [{ Platform: "Android", Status }] } : {}),
      };
    }),
    ErrorList: To_Account.filter((id) => !known.includes(id)).map((id) => ({ To_Account: id, ErrorCode: 70107 })),
  });
};
