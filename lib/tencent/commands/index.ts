/**
 * The command registry: every Call Engine REST command the console sends,
 * declared once with its path, request and response schemas, whether sending
 * it again is safe, and its documented rate limit. Nothing else hard-codes a
 * path or casts an answer: the client parses each `Response` with the schema
 * here, and the simulator dispatches on the same keys.
 */
import { z } from "zod";
import { callIdBodySchema } from "../schemas/call-id";
import { emptyBodySchema, setCallbackBodySchema } from "../schemas/callback";
import { accountCheckBodySchema, onlineStatusBodySchema } from "../schemas/callee-check";
import { recordFilterBodySchema } from "../schemas/record-filter";
import type { CalleeResult } from "../outcomes";
import { startCallBodySchema } from "../schemas/start-call";
import {
  accountCheckResponseSchema,
  callInfoResponseSchema,
  callbackConfigResponseSchema,
  noResponseSchema,
  onlineStatusResponseSchema,
  recordListResponseSchema,
  recordResponseSchema,
  startCallResponseSchema,
} from "./responses";

/** The Call Engine REST commands, as `<service>/<command>` paths under /v4/. */
export const COMMANDS = {
  startCallByRobot: "call_engine_http_srv/start_call_by_robot",
  endCall: "call_engine_http_srv/end_call",
  getCallInfo: "call_engine_http_srv/get_call_info",
  getRecordByCallId: "call_record_http_srv/get_record_by_callid",
  getRecordByFilter: "call_record_http_srv/get_record_by_filter",
  setCallback: "call_config/set_callback",
  getCallback: "call_config/get_callback",
  deleteCallback: "call_config/delete_callback",
  /** Chat: are these UserIDs imported? (at most 100) */
  accountCheck: "im_open_login_svc/account_check",
  /** Chat: are they online? (at most 500) */
  queryOnlineStatus: "openim/query_online_status",
} as const;

export type Command = (typeof COMMANDS)[keyof typeof COMMANDS];
/** The same thing, named for generics: `sendCommand<C extends CommandName>`. */
export type CommandName = Command;

/** Documented for every Call Engine API: 200 requests/s per API per SDKAppID (above it: 60007). */
export const CALL_ENGINE_RATE_LIMIT_PER_SECOND = 200;

/**
 * "safe": a read; sending it again changes nothing. "may-act-twice": it acts,
 * and the API has no idempotency key, so a resend after an unclear outcome
 * (timeout, 101001) may act a second time (ring the callees twice).
 */
export type Resend = "safe" | "may-act-twice";

export interface CommandSpec<Req = unknown, Res = unknown> {
  /** `<service>/<command>`: the key of the registry. */
  path: Command;
  /** Checked by the console before sending (forms and use cases); classic Zod or Zod Mini. */
  request: z.core.$ZodType<Req>;
  /** The `Response` object of an answer with ErrorCode 0. */
  response: z.ZodType<Res>;
  resend: Resend;
  /** Requests per second per SDKAppID. */
  rateLimitPerSecond: number;
  /**
   * Where the answer's fields are: "Response" (the Call Engine's commands) or
   * "envelope" (the Chat commands, whose fields sit beside ActionStatus).
   */
  answerAt: "Response" | "envelope";
  /** The CallId the answer is about, for history's CallId column. */
  callIdOf?: (response: Res) => string | null;
  /** Per-callee results, for history's CallResult column (start_call_by_robot). */
  callResultOf?: (response: Res) => CalleeResult[] | null;
}

const spec = <Req, Res>(
  entry: Omit<CommandSpec<Req, Res>, "rateLimitPerSecond" | "answerAt"> &
    Partial<Pick<CommandSpec<Req, Res>, "rateLimitPerSecond" | "answerAt">>,
): CommandSpec<Req, Res> => ({
  rateLimitPerSecond: CALL_ENGINE_RATE_LIMIT_PER_SECOND,
  answerAt: "Response",
  ...entry,
});

const REGISTRY = {
  [COMMANDS.startCallByRobot]: spec({
    path: COMMANDS.startCallByRobot,
    request: startCallBodySchema,
    response: startCallResponseSchema,
    resend: "may-act-twice",
    callIdOf: (r) => r?.CallId ?? null,
    callResultOf: (r) => r?.CallResult?.map(({ Callee_Account, ResultCode }) => ({ Callee_Account, ResultCode })) ?? null,
  }),
  [COMMANDS.endCall]: spec({ path: COMMANDS.endCall, request: callIdBodySchema, response: noResponseSchema, resend: "may-act-twice" }),
  [COMMANDS.getCallInfo]: spec({
    path: COMMANDS.getCallInfo,
    request: callIdBodySchema,
    response: callInfoResponseSchema,
    resend: "safe",
    callIdOf: (r) => r.CallInfo.CallId,
  }),
  [COMMANDS.getRecordByCallId]: spec({
    path: COMMANDS.getRecordByCallId,
    request: callIdBodySchema,
    response: recordResponseSchema,
    resend: "safe",
    callIdOf: (r) => r.CallRecord.CallId,
  }),
  [COMMANDS.getRecordByFilter]: spec({
    path: COMMANDS.getRecordByFilter,
    request: recordFilterBodySchema,
    response: recordListResponseSchema,
    resend: "safe",
  }),
  [COMMANDS.setCallback]: spec({
    path: COMMANDS.setCallback,
    request: setCallbackBodySchema,
    response: noResponseSchema,
    resend: "may-act-twice",
  }),
  [COMMANDS.getCallback]: spec({
    path: COMMANDS.getCallback,
    request: emptyBodySchema,
    response: callbackConfigResponseSchema,
    resend: "safe",
  }),
  [COMMANDS.deleteCallback]: spec({
    path: COMMANDS.deleteCallback,
    request: emptyBodySchema,
    response: noResponseSchema,
    resend: "may-act-twice",
  }),
  [COMMANDS.accountCheck]: spec({
    path: COMMANDS.accountCheck,
    request: accountCheckBodySchema,
    response: accountCheckResponseSchema,
    resend: "safe",
    rateLimitPerSecond: 100,
    answerAt: "envelope",
  }),
  [COMMANDS.queryOnlineStatus]: spec({
    path: COMMANDS.queryOnlineStatus,
    request: onlineStatusBodySchema,
    response: onlineStatusResponseSchema,
    resend: "safe",
    answerAt: "envelope",
  }),
};

type Registry = typeof REGISTRY;
/** Distributes over a union of commands: a body or answer of any of them. */
type SpecTypes<C extends Command> = C extends Command
  ? Registry[C] extends CommandSpec<infer Req, infer Res>
    ? { req: Req; res: Res }
    : never
  : never;

/** The body a command takes (what its request schema produces). */
export type RequestOf<C extends Command> = SpecTypes<C>["req"];
/** The parsed `Response` of a command's successful answer. */
export type ResponseOf<C extends Command> = SpecTypes<C>["res"];

/** The registry, typed per command so that `COMMAND_SPECS[c]` keeps `c`'s own types in generic code. */
export const COMMAND_SPECS: { readonly [C in Command]: CommandSpec<RequestOf<C>, ResponseOf<C>> } = REGISTRY;

export const COMMAND_LIST: Command[] = Object.values(COMMANDS);

export function isCommand(value: string): value is Command {
  return Object.hasOwn(COMMAND_SPECS, value);
}

export { commandLabel } from "./label";

const ENVELOPE_FIELDS = new Set(["ActionStatus", "ErrorCode", "ErrorInfo", "RequestId"]);

/** The part of an answer (a parsed JSON object) that the command's response schema reads. */
export function answerOf(command: Command, json: unknown): unknown {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  if (COMMAND_SPECS[command].answerAt === "Response") return "Response" in json ? json.Response : undefined;
  return Object.fromEntries(Object.entries(json).filter(([key]) => !ENVELOPE_FIELDS.has(key)));
}

export type ResponseCheck<C extends Command> = { ok: true; response: ResponseOf<C> } | { ok: false; problems: string[] };

/**
 * Reads the `Response` of an answer with ErrorCode 0 with the command's schema.
 * Problems name the field path and the rule, e.g. `Response.UserList: expected array`.
 */
export function checkResponse<C extends Command>(command: C, payload: unknown): ResponseCheck<C> {
  const parsed = COMMAND_SPECS[command].response.safeParse(payload);
  if (parsed.success) return { ok: true, response: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const root = COMMAND_SPECS[command].answerAt === "Response" ? ["Response"] : [];
      return `${[...root, ...issue.path.map(String)].join(".") || "answer"}: ${issue.message}`;
    }),
  };
}
