/**
 * The `Response` object inside the envelope, per command, as Tencent documents
 * it (reference §2). Loose: extra fields are kept, never refused. Accounts may
 * come as numbers and are read as strings; enum-like words (Status,
 * CallResult) are any string, since the documents disagree on spellings.
 */
import { z } from "zod";

const account = z.union([z.string(), z.number()]).transform(String);
/** RoomId is documented as a string; a number is read as its digits. */
const roomId = z.union([z.string(), z.number()]).transform(String);

export const calleeResultSchema = z.looseObject({ Callee_Account: account, ResultCode: z.number().int() });

/**
 * start_call_by_robot. The guide (71845) answers with CallId and CallResult;
 * the API page (74505) shows a successful answer with no Response at all, so
 * both are read (see lib/tencent/fixtures/start-call-by-robot.ts).
 */
export const startCallResponseSchema = z
  .looseObject({
    CallId: z.string().min(1),
    CallResult: z.array(calleeResultSchema).optional(),
  })
  .optional();

export const memberSchema = z.looseObject({ User_Account: account, Status: z.string() });

/** get_call_info. */
export const callInfoResponseSchema = z.looseObject({
  CallInfo: z.looseObject({
    CallId: z.string(),
    MediaType: z.string().optional(),
    ChatGroupId: z.string().optional(),
    RoomId: roomId.optional(),
    RoomIdType: z.number().int().optional(),
  }),
  UserList: z.array(memberSchema),
});

/** A call record (get_record_by_callid, get_record_by_filter, the end-of-call webhook). Times are unix seconds, 0 when not reached. */
export const callRecordSchema = z.looseObject({
  CallId: z.string(),
  Caller_Account: account,
  CalleeList_Account: z.array(account),
  MediaType: z.string(),
  CallType: z.string(),
  StartTime: z.number().int(),
  AcceptTime: z.number().int(),
  EndTime: z.number().int(),
  CallResult: z.string(),
  RoomId: roomId.optional(),
  RoomIdType: z.number().int().optional(),
});

/** get_record_by_callid. */
export const recordResponseSchema = z.looseObject({ CallRecord: callRecordSchema });

/** get_record_by_filter. `Page` is the page answered (see the paging note in the reference). */
export const recordListResponseSchema = z.looseObject({
  TotalNum: z.number().int().min(0),
  Page: z.number().int(),
  CallRecordList: z.array(callRecordSchema),
});

/** get_callback. */
export const callbackConfigResponseSchema = z.looseObject({
  Url: z.string(),
  CallbackCommandList: z.array(z.string()),
});

/** end_call, set_callback, delete_callback: no Response is documented; one that comes is kept. */
export const noResponseSchema = z.looseObject({}).optional();

export type CallRecord = z.output<typeof callRecordSchema>;
export type CallMember = z.output<typeof memberSchema>;

/**
 * account_check (a Chat command): the answer's fields sit beside the envelope,
 * not inside a `Response` (see the registry's `answerAt`).
 */
export const accountCheckResponseSchema = z.looseObject({
  ResultItem: z.array(
    z.looseObject({
      UserID: account,
      ResultCode: z.number().int(),
      ResultInfo: z.string().optional(),
      AccountStatus: z.string(),
    }),
  ),
});

/**
 * query_online_status (a Chat command, fields beside the envelope). The
 * English page names each user's state `State`, the Chinese page `Status`:
 * both are read, into `Status`.
 */
export const onlineStatusResponseSchema = z.looseObject({
  QueryResult: z
    .array(
      z
        .looseObject({
          To_Account: account,
          Status: z.string().optional(),
          State: z.string().optional(),
          Detail: z.array(z.looseObject({ Platform: z.string(), Status: z.string() })).optional(),
        })
        .refine((r) => r.Status !== undefined || r.State !== undefined, { message: "needs Status (or State)", path: ["Status"] })
        .transform(({ State, ...r }) => ({ ...r, Status: r.Status ?? State ?? "" })),
    )
    .default([]),
  ErrorList: z.array(z.looseObject({ To_Account: account, ErrorCode: z.number().int() })).default([]),
});
