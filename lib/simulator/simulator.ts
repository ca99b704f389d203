/**
 * A simulated Call Engine: a Request in, a Response out, checked the way the
 * real service checks (./gateway: query string, UserSig, JSON; ./rules: the
 * documented field rules) and answered in the same envelope (./envelope).
 * Each command has its handler in ./handlers, keyed by the registry.
 */
import { CallbackTarget } from "./callbacks";
import { DEFAULT_TIMINGS, SimCalls, type CallTimings } from "./calls";
import { Envelopes, fail, type Answer } from "./envelope";
import { checkQuery, checkRegion, commandOf, readBody, type GatewayConfig } from "./gateway";
import { HANDLERS, type HandlerContext } from "./handlers";
import { MemorySimStore, type SimStore } from "./store";

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
  /** Where calls and the callback configuration are kept; by default this process's memory (tests). */
  store?: SimStore;
  /** At most this many calls going at once (default 1,000); past it a start is refused (the console's rule). */
  maxLiveCalls?: number;
}

export const DEFAULT_MAX_LIVE_CALLS = 1_000;

/** Each service's documented internal error (reference §2, §5). */
function internalErrorOf(command: string): number {
  if (command.startsWith("call_config/")) return 100001;
  if (command.startsWith("call_engine_http_srv/") || command.startsWith("call_record_http_srv/")) return 101001;
  return 70500;
}

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
  readonly calls: SimCalls;
  private readonly envelopes = new Envelopes();
  private readonly gateway: GatewayConfig;
  private readonly context: HandlerContext;

  constructor(private readonly config: SimulatorConfig) {
    const nowMs = () => (config.now ? config.now() * 1000 : Date.now());
    const maxLiveCalls = config.maxLiveCalls ?? DEFAULT_MAX_LIVE_CALLS;
    this.calls = new SimCalls(config.store ?? new MemorySimStore(), { ...DEFAULT_TIMINGS, ...config.timings }, nowMs, maxLiveCalls);
    this.gateway = {
      sdkAppId: config.sdkAppId,
      secretKey: config.secretKey,
      admins: config.admins ?? ["administrator"],
      homeRegion: config.homeRegion ?? "singapore",
      now: config.now,
    };
    this.context = {
      sdkAppId: config.sdkAppId,
      calls: this.calls,
      callbacks: new CallbackTarget(config.sdkAppId, this.calls),
      maxLiveCalls,
      slowMs: config.slowMs ?? 15_000,
      callbackOrigins: config.callbackOrigins,
      sleep,
    };
  }

  get sdkAppId(): number {
    return this.config.sdkAppId;
  }

  /**
   * Handles `POST <anything>/v4/<service>/<command>?...`. The signal lets a
   * caller that gives up (a client timeout) stop a slow answer.
   */
  async handle(request: Request, signal?: AbortSignal, region?: string): Promise<Response> {
    const [low, high] = this.config.latencyMs ?? [0, 0];
    if (high > 0) await sleep(low + Math.random() * (high - low), signal);
    return this.envelopes.toResponse(await this.answer(request, signal, region));
  }

  private async answer(request: Request, signal?: AbortSignal, region?: string): Promise<Answer> {
    const url = new URL(request.url);
    const routed = commandOf(request, url);
    if ("kind" in routed) return routed;
    const refused = checkQuery(url, this.gateway) ?? checkRegion(url, region, this.gateway);
    if (refused) return refused;
    const read = await readBody(request);
    if ("kind" in read) return read;
    try {
      return await HANDLERS[routed.command](this.context, read.body, signal);
    } catch (error) {
      // A slow answer given up by its caller: nobody reads this answer.
      if (signal?.aborted) throw error;
      // The store could not be reached (a database outage): the service's documented internal error, never a crash.
      return fail(internalErrorOf(routed.command), "internal error: the simulator's state could not be read or written");
    }
  }
}
