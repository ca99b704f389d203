/**
 * One handler per command, keyed by the registry's command paths: a command
 * added to the registry without a handler here does not compile. Each handler
 * checks its body with the simulator's own rules (./rules) and answers.
 */
import { randomUUID } from "node:crypto";
import { COMMANDS, type Command } from "@/lib/tencent/commands";
import type { CallbackTarget } from "./callbacks";
import type { SimCalls } from "./calls";
import { accountCheck, queryOnlineStatus } from "./chat-handlers";
import { fail, ok, type Answer } from "./envelope";
import { matchMagic, type MagicAccount } from "./magic-accounts";
import { filterRecords, toRecord } from "./records";
import { refuse, simCallIdBody, simRecordFilterBody, simSetCallbackBody, simStartCallBody, userIdsNotStrings } from "./rules";

export interface HandlerContext {
  calls: SimCalls;
  callbacks: CallbackTarget;
  /** Unix seconds. */
  nowSeconds: () => number;
  slowMs: number;
  /** Origins set_callback may name; undefined allows any. */
  callbackOrigins?: string[];
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type Handler = (ctx: HandlerContext, body: unknown, signal?: AbortSignal) => Answer | Promise<Answer>;

const MAGIC_FAILURES: Partial<Record<MagicAccount, { code: number; info: (id: string) => string }>> = {
  "sim-not-imported": { code: 70107, info: (id) => `UserID ${id} does not exist (it was never imported)` },
  "sim-internal-error": { code: 101001, info: () => "Call Engine internal error" },
  "sim-rate-limited": { code: 60007, info: () => "request frequency limit exceeded: 200 requests per second" },
};

const NO_CALLBACK = () => fail(100301, "no callback configuration");

const startCallByRobot: Handler = async (ctx, body, signal) => {
  if (userIdsNotStrings(body)) return fail(60015, "a UserID in the body is not a JSON string");
  const parsed = simStartCallBody.safeParse(body);
  if (!parsed.success) return refuse(parsed.error, 101002);
  const { CalleeList_Account: callees, CallInfo } = parsed.data;
  for (const callee of callees) {
    const magic = matchMagic(callee);
    if (magic === "sim-slow") {
      await ctx.sleep(ctx.slowMs, signal);
    } else if (magic === "sim-gateway-error") {
      const page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
      return { kind: "raw", response: new Response(page, { status: 502, headers: { "content-type": "text/html" } }) };
    } else if (magic === "sim-garbled") {
      const text = "upstream temporarily unavailable";
      return { kind: "raw", response: new Response(text, { status: 200, headers: { "content-type": "text/plain" } }) };
    } else if (magic) {
      const failure = MAGIC_FAILURES[magic];
      if (failure) return fail(failure.code, failure.info(callee));
    }
  }
  const call = ctx.calls.start({
    callId: randomUUID(),
    caller: parsed.data.Robot_Account,
    callees,
    mediaType: CallInfo.MediaType,
    roomId: CallInfo.RoomId,
    roomIdType: CallInfo.RoomIdType,
    timeoutMs: parsed.data.Timeout,
  });
  return ok({ CallId: call.callId, CallResult: callees.map((callee) => ({ Callee_Account: callee, ResultCode: 0 })) });
};

/** A call still going, by the body's CallId; 101004 when it does not exist or has ended. */
function withActiveCall(run: (ctx: HandlerContext, call: NonNullable<ReturnType<SimCalls["active"]>>) => Answer): Handler {
  return (ctx, body) => {
    const parsed = simCallIdBody.safeParse(body);
    if (!parsed.success) return refuse(parsed.error, 101002);
    const call = ctx.calls.active(parsed.data.CallId);
    return call ? run(ctx, call) : fail(101004, `call ${parsed.data.CallId} does not exist or has ended`);
  };
}

export const HANDLERS: { readonly [C in Command]: Handler } = {
  [COMMANDS.startCallByRobot]: startCallByRobot,
  [COMMANDS.endCall]: withActiveCall((ctx, call) => {
    ctx.calls.end(call);
    return ok();
  }),
  [COMMANDS.getCallInfo]: withActiveCall((_ctx, call) =>
    ok({
      CallInfo: { CallId: call.callId, MediaType: call.mediaType, ChatGroupId: "", RoomId: call.roomId, RoomIdType: call.roomIdType },
      UserList: [...call.members].map(([User_Account, Status]) => ({ User_Account, Status })),
    }),
  ),
  [COMMANDS.getRecordByCallId]: (ctx, body) => {
    const parsed = simCallIdBody.safeParse(body);
    if (!parsed.success) return refuse(parsed.error, 101002);
    const call = ctx.calls.record(parsed.data.CallId);
    if (!call) return fail(101050, `no record of call ${parsed.data.CallId} (records appear about 5 s after the end)`);
    return ok({ CallRecord: toRecord(call) });
  },
  [COMMANDS.getRecordByFilter]: (ctx, body) => {
    const parsed = simRecordFilterBody.safeParse(body);
    if (!parsed.success) return refuse(parsed.error, 101002);
    return ok(filterRecords(ctx.calls.records(), parsed.data, ctx.nowSeconds()));
  },
  [COMMANDS.setCallback]: (ctx, body) => {
    const parsed = simSetCallbackBody.safeParse(body);
    if (!parsed.success) return refuse(parsed.error, 100002);
    const { Url, CallbackCommandList } = parsed.data;
    const allowed = ctx.callbackOrigins;
    if (allowed && !allowed.includes(new URL(Url).origin)) {
      return fail(100002, `invalid parameter: the built-in simulator only posts to this console (${allowed.join(", ")})`);
    }
    ctx.callbacks.config = { Url, CallbackCommandList };
    return ok();
  },
  [COMMANDS.getCallback]: (ctx) => (ctx.callbacks.config ? ok({ ...ctx.callbacks.config }) : NO_CALLBACK()),
  [COMMANDS.deleteCallback]: (ctx) => {
    if (!ctx.callbacks.config) return NO_CALLBACK();
    ctx.callbacks.config = null;
    return ok();
  },
  [COMMANDS.accountCheck]: accountCheck,
  [COMMANDS.queryOnlineStatus]: queryOnlineStatus,
};
