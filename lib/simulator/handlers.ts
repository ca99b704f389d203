/**
 * One handler per command, keyed by the registry's command paths: a command
 * added to the registry without a handler here does not compile. Each handler
 * checks its body with the simulator's own rules (./rules) and answers.
 */
import { randomUUID } from "node:crypto";
import { COMMANDS, type Command } from "@/lib/tencent/commands";
import type { CallbackTarget } from "./callbacks";
import type { SimCall, SimCalls } from "./calls";
import { accountCheck, queryOnlineStatus } from "./chat-handlers";
import { fail, ok, type Answer } from "./envelope";
import { matchMagic, type MagicAccount } from "./magic-accounts";
import { filterRecords, toRecord } from "./records";
import type { StoredCall } from "./store";
import { refuse, simCallIdBody, simRecordFilterBody, simSetCallbackBody, simStartCallBody, userIdsNotStrings } from "./rules";

export interface HandlerContext {
  sdkAppId: number;
  calls: SimCalls;
  callbacks: CallbackTarget;
  /** At most this many calls going at once (SIMULATOR_MAX_LIVE_CALLS in the console). */
  maxLiveCalls: number;
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

/** How the simulator labels a refusal that is the console's own rule, not Tencent's. */
export const LIVE_LIMIT_INFO = "Console's simulator limit (not a Tencent rule, SIMULATOR_MAX_LIVE_CALLS):";

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
  const call = await ctx.calls.start({
    callId: randomUUID(),
    caller: parsed.data.Robot_Account,
    callees,
    mediaType: CallInfo.MediaType,
    roomId: CallInfo.RoomId,
    roomIdType: CallInfo.RoomIdType,
    timeoutMs: parsed.data.Timeout,
  });
  // Tencent documents no limit on calls going at once; this one is the console's, to keep the simulator bounded.
  if (!call) return fail(101001, `${LIVE_LIMIT_INFO} at most ${ctx.maxLiveCalls} calls going at once; none was started`);
  await ctx.callbacks.started(call);
  return ok({ CallId: call.callId, CallResult: callees.map((callee) => ({ Callee_Account: callee, ResultCode: 0 })) });
};

/** A call still going, by the body's CallId; 101004 when it does not exist or has ended. */
function withActiveCall(run: (ctx: HandlerContext, call: SimCall, stored: StoredCall) => Answer | Promise<Answer>): Handler {
  return async (ctx, body) => {
    const parsed = simCallIdBody.safeParse(body);
    if (!parsed.success) return refuse(parsed.error, 101002);
    const active = await ctx.calls.active(parsed.data.CallId);
    return active ? run(ctx, active.call, active.stored) : gone(parsed.data.CallId);
  };
}

const gone = (callId: string) => fail(101004, `call ${callId} does not exist or has ended`);

export const HANDLERS: { readonly [C in Command]: Handler } = {
  [COMMANDS.startCallByRobot]: startCallByRobot,
  [COMMANDS.endCall]: withActiveCall(async (ctx, call, stored) => {
    // Ended in the meantime (through another instance, or by itself): as if it had ended before.
    const ended = await ctx.calls.end(stored);
    if (!ended) return gone(call.callId);
    await ctx.callbacks.hungUp(ended);
    return ok();
  }),
  [COMMANDS.getCallInfo]: withActiveCall((_ctx, call) =>
    ok({
      CallInfo: { CallId: call.callId, MediaType: call.mediaType, ChatGroupId: "", RoomId: call.roomId, RoomIdType: call.roomIdType },
      UserList: [...call.members].map(([User_Account, Status]) => ({ User_Account, Status })),
    }),
  ),
  [COMMANDS.getRecordByCallId]: async (ctx, body) => {
    const parsed = simCallIdBody.safeParse(body);
    if (!parsed.success) return refuse(parsed.error, 101002);
    const call = await ctx.calls.record(parsed.data.CallId);
    if (!call) return fail(101050, `no record of call ${parsed.data.CallId} (records appear about 5 s after the end)`);
    return ok({ CallRecord: toRecord(call) });
  },
  [COMMANDS.getRecordByFilter]: async (ctx, body) => {
    const parsed = simRecordFilterBody.safeParse(body);
    if (!parsed.success) return refuse(parsed.error, 101002);
    return ok(await filterRecords(ctx.calls, parsed.data));
  },
  [COMMANDS.setCallback]: async (ctx, body) => {
    const parsed = simSetCallbackBody.safeParse(body);
    if (!parsed.success) return refuse(parsed.error, 100002);
    const { Url, CallbackCommandList } = parsed.data;
    const allowed = ctx.callbackOrigins;
    if (allowed && !allowed.includes(new URL(Url).origin)) {
      return fail(100002, `invalid parameter: the built-in simulator only posts to this console (${allowed.join(", ")})`);
    }
    await ctx.calls.store.setCallback(ctx.sdkAppId, { Url, CallbackCommandList });
    return ok();
  },
  [COMMANDS.getCallback]: async (ctx) => {
    const config = await ctx.calls.store.getCallback(ctx.sdkAppId);
    return config ? ok({ ...config }) : NO_CALLBACK();
  },
  [COMMANDS.deleteCallback]: async (ctx) => ((await ctx.calls.store.deleteCallback(ctx.sdkAppId)) ? ok() : NO_CALLBACK()),
  [COMMANDS.accountCheck]: accountCheck,
  [COMMANDS.queryOnlineStatus]: queryOnlineStatus,
};
