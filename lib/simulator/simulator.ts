/**
 * A simulated Call Engine: a Request in, a Response out, checked the way the
 * real service checks (query string, UserSig, JSON, field rules) and answered
 * in the same envelope with a realistic RequestId.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { COMMANDS, isCommand, type Command } from "@/lib/tencent/commands";
import { BODY_MAX_BYTES, startCallBodySchema } from "@/lib/tencent/schemas/start-call";
import { USERSIG_ERROR_CODES, verifyUserSig } from "@/lib/tencent/usersig";
import { callIdBodySchema } from "@/lib/tencent/schemas/call-id";
import { DEFAULT_TIMINGS, SimCalls, type CallEvent, type CallTimings, type SimCall } from "./calls";
import { matchMagic, type MagicAccount } from "./magic-accounts";

/** A call as get_record_by_callid and get_record_by_filter describe it. */
function toRecord(call: SimCall) {
  return {
    CallId: call.callId,
    Caller_Account: call.caller,
    CalleeList_Account: call.callees,
    MediaType: call.mediaType,
    CallType: call.callees.length > 1 ? "MultiCall" : "SingleCall",
    StartTime: call.startTime,
    AcceptTime: call.acceptTime ?? 0,
    EndTime: call.endTime ?? 0,
    CallResult: call.result ?? "Cancel",
    RoomId: call.roomId,
    RoomIdType: call.roomIdType,
  };
}

export interface SimulatorConfig {
  sdkAppId: number;
  secretKey: string;
  /** App administrators; Tencent creates `administrator`. */
  admins?: string[];
  /** How long sim-slow takes to answer, ms. */
  slowMs?: number;
  /** Extra latency before every answer, ms (a range makes it look real). */
  latencyMs?: [number, number];
  now?: () => number;
  /** The data centre the simulated app lives in; the other regions answer 60026. */
  homeRegion?: string;
  /** How fast magic callees answer or reject, and when records appear. */
  timings?: Partial<CallTimings>;
  /**
   * The only origins set_callback may name (the console's own receiver): the
   * simulator is reachable without a session, so it must not post elsewhere.
   * Unset, any origin is allowed (tests).
   */
  callbackOrigins?: string[];
}

interface Envelope {
  ActionStatus: "OK" | "FAIL";
  ErrorCode: number;
  ErrorInfo: string;
  RequestId: string;
  Response?: unknown;
}

const MAGIC_FAILURES: Partial<Record<MagicAccount, { code: number; info: (id: string) => string }>> = {
  "sim-not-imported": { code: 70107, info: (id) => `UserID ${id} does not exist (it was never imported)` },
  "sim-internal-error": { code: 101001, info: () => "Call Engine internal error" },
  "sim-rate-limited": { code: 60007, info: () => "request frequency limit exceeded: 200 requests per second" },
};

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export class CallEngineSimulator {
  private seq = 0;
  private readonly admins: string[];
  readonly calls: SimCalls;
  /** The app's webhook configuration (set_callback). */
  private callback: { Url: string; CallbackCommandList: string[] } | null = null;

  constructor(private readonly config: SimulatorConfig) {
    this.admins = config.admins ?? ["administrator"];
    const nowMs = () => (config.now ? config.now() * 1000 : Date.now());
    this.calls = new SimCalls({ ...DEFAULT_TIMINGS, ...config.timings }, nowMs, (event) => this.postEvent(event, nowMs()));
  }

  /** Posts a call event to the configured callback URL, as the Call Engine does; failures are dropped. */
  private postEvent(event: CallEvent, eventTime: number): void {
    const command =
      event.kind === "started"
        ? "Call.CallbackAfterStartCall"
        : event.kind === "ended"
          ? "Call.CallbackAfterEndCall"
          : "Call.CallbackAfterMemberChanged";
    const target = this.callback;
    if (!target || !target.CallbackCommandList.includes(command)) return;
    const { call } = event;
    const userList = [...call.members].map(([User_Account, Status]) => ({ User_Account, Status }));
    const body =
      event.kind === "started"
        ? {
            CallInfo: { CallId: call.callId, MediaType: call.mediaType, ChatGroupId: "", RoomId: call.roomId, RoomIdType: call.roomIdType },
            UserList: userList,
            EventTime: eventTime,
          }
        : event.kind === "member-changed"
          ? {
              CallId: call.callId,
              UserList: userList,
              ChangedUserList: event.changed.map((c) => ({ User_Account: c.account, ActionType: c.action })),
              EventTime: eventTime,
            }
          : { CallRecord: toRecord(call), EventTime: eventTime };
    const query = new URLSearchParams({
      SdkAppid: String(this.config.sdkAppId),
      CallbackCommand: command,
      contenttype: "json",
      ClientIP: "127.0.0.1",
      OptPlatform: "RESTAPI",
    });
    const url = `${target.Url}${target.Url.includes("?") ? "&" : "?"}${query.toString()}`;
    void fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(3_000),
    }).catch(() => undefined);
  }

  /** set_callback, get_callback, delete_callback. */
  private callbackConfig(command: Command, body: unknown): Response {
    if (command === COMMANDS.getCallback) {
      return this.callback ? this.ok({ ...this.callback }) : this.fail(100301, "no callback configuration");
    }
    if (command === COMMANDS.deleteCallback) {
      if (!this.callback) return this.fail(100301, "no callback configuration");
      this.callback = null;
      return this.ok(undefined);
    }
    const { Url, CallbackCommandList } = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    if (typeof Url !== "string" || !/^https?:\/\/\S+$/.test(Url)) return this.fail(100002, "invalid parameter: Url must be an http(s) URL");
    const allowed = this.config.callbackOrigins;
    if (allowed && !allowed.includes(new URL(Url).origin)) {
      return this.fail(100002, `invalid parameter: the built-in simulator only posts to this console (${allowed.join(", ")})`);
    }
    const known = ["Call.CallbackAfterStartCall", "Call.CallbackAfterMemberChanged", "Call.CallbackAfterEndCall"];
    if (
      !Array.isArray(CallbackCommandList) ||
      CallbackCommandList.length === 0 ||
      CallbackCommandList.some((c) => !known.includes(c as string))
    ) {
      return this.fail(100002, `invalid parameter: CallbackCommandList must list some of ${known.join(", ")}`);
    }
    this.callback = { Url, CallbackCommandList: CallbackCommandList as string[] };
    return this.ok(undefined);
  }

  get sdkAppId(): number {
    return this.config.sdkAppId;
  }

  private requestId(): string {
    this.seq += 1;
    return `Id-${randomBytes(16).toString("hex")}-O-Seq-${this.seq}`;
  }

  private json(envelope: Omit<Envelope, "RequestId">): Response {
    const body: Envelope = { ...envelope, RequestId: this.requestId() };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { "content-type": "application/json; charset=utf-8" },
    });
  }

  private fail(code: number, info: string): Response {
    return this.json({ ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: info });
  }

  /**
   * Handles `POST <anything>/v4/<service>/<command>?...`. The signal lets a
   * caller that gives up (a client timeout) stop a slow answer.
   */
  async handle(request: Request, signal?: AbortSignal, region?: string): Promise<Response> {
    const [low, high] = this.config.latencyMs ?? [0, 0];
    if (high > 0) await sleep(low + Math.random() * (high - low), signal);

    const url = new URL(request.url);
    const match = /\/v4\/([^/]+\/[^/]+)\/?$/.exec(url.pathname);
    if (request.method !== "POST") return this.fail(60008, "malformed HTTP request: POST is required");
    if (!match?.[1] || !isCommand(match[1])) {
      return this.fail(60009, `wrong resource path: ${url.pathname}`);
    }
    const command: Command = match[1];

    const queryError = this.checkQuery(url);
    if (queryError) return queryError;
    if (region !== undefined && region !== (this.config.homeRegion ?? "singapore")) {
      return this.fail(60026, `SDKAppID ${url.searchParams.get("sdkappid")} belongs to another data centre than ${region}`);
    }

    const bodyText = await request.text();
    if (Buffer.byteLength(bodyText, "utf8") > BODY_MAX_BYTES) {
      return this.fail(80002, `request body larger than ${BODY_MAX_BYTES} bytes`);
    }
    let body: unknown;
    try {
      body = JSON.parse(bodyText);
    } catch {
      return this.fail(60003, "request body is not valid JSON");
    }

    switch (command) {
      case COMMANDS.startCallByRobot:
        return this.startCallByRobot(body, signal);
      case COMMANDS.getRecordByFilter:
        return this.getRecordByFilter(body);
      case COMMANDS.endCall:
      case COMMANDS.getCallInfo:
      case COMMANDS.getRecordByCallId:
        return this.byCallId(command, body);
      case COMMANDS.setCallback:
      case COMMANDS.getCallback:
      case COMMANDS.deleteCallback:
        return this.callbackConfig(command, body);
      default:
        return this.fail(60009, `the simulator does not serve ${command}`);
    }
  }

  private checkQuery(url: URL): Response | null {
    try {
      decodeURIComponent(url.search);
    } catch {
      return this.fail(60002, "the URL could not be parsed");
    }
    const q = url.searchParams;
    const sdkappid = q.get("sdkappid");
    if (sdkappid === null || sdkappid === "") return this.fail(60012, "sdkappid is missing");
    const identifier = q.get("identifier");
    const usersig = q.get("usersig");
    if (identifier === null || identifier === "" || usersig === null || q.get("contenttype") !== "json") {
      return this.fail(60025, "sdkappid, identifier, usersig or contenttype is wrong in the URL");
    }
    if (usersig === "") return this.fail(70002, "UserSig is empty");
    if (!/^\d+$/.test(sdkappid)) return this.fail(60006, `invalid sdkappid ${sdkappid}`);
    const random = q.get("random");
    if (random !== null && !(/^\d+$/.test(random) && Number(random) <= 0xffffffff)) {
      return this.fail(60002, "random must be an unsigned 32-bit integer");
    }

    const appId = Number(sdkappid);
    const verdict = verifyUserSig({
      userSig: usersig,
      sdkAppId: appId,
      secretKey: this.config.secretKey,
      identifier,
      now: this.config.now?.(),
    });
    // A UserSig that cannot be read, or was made for another app, fails before the app is looked up.
    if (!verdict.ok && (verdict.reason === "malformed" || verdict.reason === "sdkappid-mismatch")) {
      return this.fail(USERSIG_ERROR_CODES[verdict.reason], `UserSig check failed: ${verdict.message}`);
    }
    if (appId !== this.config.sdkAppId) return this.fail(70020, `SDKAppID ${sdkappid} not found`);
    if (!verdict.ok) return this.fail(USERSIG_ERROR_CODES[verdict.reason], `UserSig check failed: ${verdict.message}`);
    if (!this.admins.includes(identifier)) return this.fail(60010, `identifier ${identifier} is not an App admin`);
    return null;
  }

  /** end_call, get_call_info and get_record_by_callid: one CallId each. */
  private byCallId(command: Command, body: unknown): Response {
    const parsed = callIdBodySchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.fail(101002, `invalid parameter: ${issue?.path.join(".") || "body"} ${issue?.message ?? "is invalid"}`);
    }
    const { CallId } = parsed.data;
    if (command === COMMANDS.getRecordByCallId) {
      const call = this.calls.record(CallId);
      if (!call) return this.fail(101050, `no record of call ${CallId} (records appear about 5 s after the end)`);
      return this.ok({ CallRecord: toRecord(call) });
    }
    const call = this.calls.active(CallId);
    if (!call) return this.fail(101004, `call ${CallId} does not exist or has ended`);
    if (command === COMMANDS.endCall) {
      this.calls.end(call);
      return this.ok(undefined);
    }
    return this.ok({
      CallInfo: { CallId, MediaType: call.mediaType, ChatGroupId: "", RoomId: call.roomId, RoomIdType: call.roomIdType },
      UserList: [...call.members].map(([User_Account, Status]) => ({ User_Account, Status })),
    });
  }

  /** Records of the last 7 days, newest first, filtered and paged like the real service. */
  private getRecordByFilter(body: unknown): Response {
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return this.fail(101002, "invalid parameter: body must be a JSON object");
    }
    const { NumberPerPage = 10, Page = 1, StartTime, EndTime, CallResult, CallType } = body as Record<string, unknown>;
    if (!(Number.isInteger(NumberPerPage) && (NumberPerPage as number) > 0)) {
      return this.fail(101002, "invalid parameter: NumberPerPage must be a positive integer");
    }
    if (!(Number.isInteger(Page) && (Page as number) > 0)) {
      return this.fail(101002, "invalid parameter: Page must be a positive integer");
    }
    const weekAgo = Math.floor((this.config.now?.() ?? Date.now() / 1000) - 7 * 86_400);
    const matching = this.calls
      .records()
      .map(toRecord)
      .filter((r) => r.StartTime >= Math.max(weekAgo, typeof StartTime === "number" ? StartTime : 0))
      .filter((r) => typeof EndTime !== "number" || r.StartTime <= EndTime)
      .filter((r) => CallResult === undefined || r.CallResult === CallResult)
      .filter((r) => CallType === undefined || r.CallType === CallType);
    const size = NumberPerPage as number;
    const page = Page as number;
    const slice = matching.slice((page - 1) * size, page * size);
    return this.ok({ TotalNum: matching.length, Page: page * size < matching.length ? page + 1 : 0, CallRecordList: slice });
  }

  private ok(response: unknown): Response {
    return this.json({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", ...(response === undefined ? {} : { Response: response }) });
  }

  private async startCallByRobot(body: unknown, signal?: AbortSignal): Promise<Response> {
    if (typeof body === "object" && body !== null) {
      const { Robot_Account, CalleeList_Account } = body as Record<string, unknown>;
      const ids = [Robot_Account, ...(Array.isArray(CalleeList_Account) ? CalleeList_Account : [])];
      if (ids.some((id) => id !== undefined && typeof id !== "string")) {
        return this.fail(60015, "a UserID in the body is not a JSON string");
      }
    }
    const parsed = startCallBodySchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
      return this.fail(101002, `invalid parameter: ${field} ${issue?.message ?? "is invalid"}`);
    }
    const { CalleeList_Account: callees } = parsed.data;

    for (const callee of callees) {
      const magic = matchMagic(callee);
      if (magic === "sim-slow") {
        await sleep(this.config.slowMs ?? 15_000, signal);
      } else if (magic === "sim-gateway-error") {
        return new Response("<html><body><h1>502 Bad Gateway</h1></body></html>", {
          status: 502,
          headers: { "content-type": "text/html" },
        });
      } else if (magic === "sim-garbled") {
        return new Response("upstream temporarily unavailable", { status: 200, headers: { "content-type": "text/plain" } });
      } else if (magic) {
        const failure = MAGIC_FAILURES[magic];
        if (failure) return this.fail(failure.code, failure.info(callee));
      }
    }

    const call = this.calls.start({
      callId: randomUUID(),
      caller: parsed.data.Robot_Account,
      callees,
      mediaType: parsed.data.CallInfo.MediaType,
      roomId: parsed.data.CallInfo.RoomId,
      roomIdType: parsed.data.CallInfo.RoomIdType,
      timeoutMs: parsed.data.Timeout,
    });
    return this.ok({ CallId: call.callId, CallResult: callees.map((callee) => ({ Callee_Account: callee, ResultCode: 0 })) });
  }
}
