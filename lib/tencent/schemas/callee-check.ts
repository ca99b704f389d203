/**
 * Two Chat commands on the same gateway, used to check callees before they
 * ring (reference §2): im_open_login_svc/account_check (at most 100 UserIDs)
 * and openim/query_online_status (at most 500).
 */
import { z } from "zod";
import { userIdSchema } from "./user-id";

export const ACCOUNT_CHECK_MAX = 100;
export const ONLINE_STATUS_MAX = 500;

/** account_check: `{"CheckItem":[{"UserID":"a"}, ...]}`. */
export const accountCheckBodySchema = z.strictObject(
  {
    CheckItem: z
      .array(z.strictObject({ UserID: userIdSchema }), { error: "must be a list of {UserID}" })
      .min(1, "needs at least one UserID")
      .max(ACCOUNT_CHECK_MAX, `must list at most ${ACCOUNT_CHECK_MAX} UserIDs`),
  },
  { error: "must be a JSON object" },
);

/** query_online_status: `{"To_Account":[...], "IsNeedDetail"?: 0|1}`. */
export const onlineStatusBodySchema = z.strictObject(
  {
    To_Account: z
      .array(userIdSchema, { error: "must be a list of UserIDs" })
      .min(1, "needs at least one UserID")
      .max(ONLINE_STATUS_MAX, `must list at most ${ONLINE_STATUS_MAX} UserIDs`),
    IsNeedDetail: z.union([z.literal(0), z.literal(1)], { error: "must be 0 or 1" }).optional(),
  },
  { error: "must be a JSON object" },
);

export type AccountCheckBody = z.output<typeof accountCheckBodySchema>;
export type OnlineStatusBody = z.output<typeof onlineStatusBodySchema>;
