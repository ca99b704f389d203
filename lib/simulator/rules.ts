/**
 * The field rules the simulated Call Engine enforces, written from Tencent's
 * documentation (reference §2, §3), not from the console's form schemas: the
 * simulator must refuse what the real service refuses, and no more. A broken
 * rule answers 101002 with the field's path; a UserID that is not a JSON
 * string answers 60015 before any other rule.
 */
import { z } from "zod";
import { CALLBACK_COMMANDS } from "@/lib/tencent/webhooks";
import { fail, type Answer } from "./envelope";

/** The gateway refuses bodies above 12 KB (80002). */
export const SIM_BODY_MAX_BYTES = 12 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, "utf8");
const ROOM_ID_CHARS = /^[a-zA-Z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]+$/;

const startCallInfo = z
  .looseObject({
    MediaType: z.enum(["Audio", "Video"], { error: "must be Audio or Video" }),
    RoomIdType: z.union([z.literal(1), z.literal(2)], { error: "must be 1 or 2" }).optional(),
    RoomId: z.string({ error: "must be a string" }).optional(),
  })
  .superRefine((info, ctx) => {
    // How RoomId reads without RoomIdType is not documented: only a stated type is checked.
    if (info.RoomId === undefined || info.RoomIdType === undefined) return;
    const numeric = /^[1-9]\d*$/.test(info.RoomId) && Number(info.RoomId) <= 4_294_967_294;
    const text = bytes(info.RoomId) <= 64 && ROOM_ID_CHARS.test(info.RoomId);
    if (info.RoomIdType === 2 ? !text : !numeric) {
      ctx.addIssue({
        code: "custom",
        path: ["RoomId"],
        message: info.RoomIdType === 2 ? "must be at most 64 bytes of the allowed characters" : "must be a number from 1 to 4294967294",
      });
    }
  });

/** start_call_by_robot (§3). */
export const simStartCallBody = z.looseObject({
  Robot_Account: z.string({ error: "is required" }),
  CalleeList_Account: z.array(z.string(), { error: "is required" }).min(1, "is required"),
  Timeout: z.int({ error: "must be an integer" }).min(10_000, "must be at least 10000").max(600_000, "must be at most 600000"),
  UserData: z
    .string({ error: "must be a string" })
    .refine((value) => bytes(value) <= 1000, "must be at most 1000 bytes")
    .optional(),
  CallInfo: startCallInfo,
  OfflinePushInfo: z.looseObject({}).optional(),
});

/** end_call, get_call_info, get_record_by_callid: `{"CallId"}`. */
export const simCallIdBody = z.looseObject({ CallId: z.string({ error: "is required" }).min(1, "is required") });

const positive = z.int({ error: "must be a positive integer" }).min(1, "must be a positive integer");
const unixSeconds = z.int({ error: "must be an integer (unix seconds)" });

/** get_record_by_filter: every field optional. */
export const simRecordFilterBody = z.looseObject({
  StartTime: unixSeconds.optional(),
  EndTime: unixSeconds.optional(),
  NumberPerPage: positive.default(10),
  Page: positive.default(1),
  CallResult: z.string({ error: "must be a string" }).optional(),
  CallType: z.string({ error: "must be a string" }).optional(),
});

/** set_callback: one http(s) URL and some of the documented CallbackCommands. */
export const simSetCallbackBody = z.looseObject({
  Url: z
    .string({ error: "is required" })
    .regex(/^https?:\/\/\S+$/, "must be an http(s) URL")
    .refine((url) => URL.canParse(url), "must be an http(s) URL"),
  CallbackCommandList: z.array(z.enum(CALLBACK_COMMANDS), { error: "is required" }).min(1, "is required"),
});

/** account_check (Chat): `CheckItem`, 1 to 100 `{UserID}`. */
export const simAccountCheckBody = z.looseObject({
  CheckItem: z
    .array(z.looseObject({ UserID: z.string({ error: "must be a string" }) }), { error: "is required" })
    .min(1, "is required")
    .max(100, "must list at most 100 accounts"),
});

/** query_online_status (Chat): `To_Account`, 1 to 500 UserIDs. */
export const simOnlineStatusBody = z.looseObject({
  To_Account: z
    .array(z.string({ error: "must be a string" }), { error: "is required" })
    .min(1, "is required")
    .max(500, "must list at most 500 accounts"),
  IsNeedDetail: z.union([z.literal(0), z.literal(1)], { error: "must be 0 or 1" }).optional(),
});

/** A body the documented rules refuse: the first issue, with its field path, under the command's error code. */
export function refuse(error: z.ZodError, code: number): Answer {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
  return fail(code, `invalid parameter: ${field} ${issue?.message ?? "is invalid"}`);
}

/** UserIDs must be JSON strings: a number (or anything else) answers 60015. */
export function userIdsNotStrings(body: unknown): boolean {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const robot: unknown = "Robot_Account" in body ? body.Robot_Account : undefined;
  const callees: unknown = "CalleeList_Account" in body ? body.CalleeList_Account : undefined;
  const ids = [robot, ...(Array.isArray(callees) ? callees : [])];
  return ids.some((id) => id !== undefined && typeof id !== "string");
}
