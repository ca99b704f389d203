/**
 * The Call Engine HTTP client. Two steps, so that a caller can record the
 * attempt between them: `prepareRequest` builds the URL (fresh random, no
 * secret in the redacted copy) and the body text; `sendPrepared` POSTs it with
 * a timeout and classifies the outcome. It never throws for an upstream problem.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { COMMAND_SPECS, answerOf, checkResponse, type Command, type ResponseOf } from "./commands";
import type { CalleeResult, OutcomeKind } from "./outcomes";
import { DEFAULT_MAX_RESPONSE_BYTES, readBounded } from "./bounded-read";

export const DEFAULT_TIMEOUT_MS = 10_000;
/** How much of a response body that is not the documented JSON is kept. */
export const RAW_BODY_LIMIT = 4096;
export const USERSIG_PLACEHOLDER = "<USERSIG>";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface PreparedRequest<C extends Command = Command> {
  command: C;
  /** The URL to send, with the UserSig. Never stored or shown. */
  url: string;
  /** The same URL with usersig replaced by a placeholder: safe to store and show. */
  redactedUrl: string;
  random: number;
  bodyText: string;
}

/** A fresh crypto-random unsigned 32-bit integer. */
export function randomUint32(): number {
  return randomBytes(4).readUInt32BE(0);
}

export function prepareRequest<C extends Command>(params: {
  baseUrl: string;
  command: C;
  sdkAppId: number;
  identifier: string;
  userSig: string;
  body: unknown;
  random?: number;
}): PreparedRequest<C> {
  const random = params.random ?? randomUint32();
  const build = (userSig: string) => {
    const query = new URLSearchParams({
      sdkappid: String(params.sdkAppId),
      identifier: params.identifier,
      usersig: userSig,
      random: String(random),
      contenttype: "json",
    });
    return `${params.baseUrl.replace(/\/+$/, "")}/v4/${params.command}?${query.toString()}`;
  };
  return {
    command: params.command,
    url: build(params.userSig),
    redactedUrl: build(USERSIG_PLACEHOLDER).replace(encodeURIComponent(USERSIG_PLACEHOLDER), USERSIG_PLACEHOLDER),
    random,
    // The body is never empty: {} where a command takes no fields.
    bodyText: JSON.stringify(params.body ?? {}),
  };
}

export interface CallOutcome<R = unknown> {
  kind: OutcomeKind;
  httpStatus: number | null;
  actionStatus: string | null;
  errorCode: number | null;
  errorInfo: string | null;
  requestId: string | null;
  callId: string | null;
  callResult: CalleeResult[] | null;
  /** The parsed JSON answer, when there was one. */
  response: unknown;
  /** The answer's `Response`, read with the command's schema: set only when the outcome is ok. */
  payload: R | null;
  /** The start of the raw answer when it was not the documented JSON. */
  rawBody: string | null;
  /** Transport detail for timeouts and network errors (e.g. "ENOTFOUND console.tim.qq.com"). */
  detail: string | null;
  latencyMs: number;
}

const envelopeSchema = z.looseObject({
  ActionStatus: z.string(),
  // Documented codes have at most six digits; anything outside 32 bits is not the documented shape.
  ErrorCode: z.number().int().min(-2_147_483_648).max(2_147_483_647),
  ErrorInfo: z.string().optional(),
  RequestId: z.string().optional(),
  Response: z.unknown().optional(),
});

function emptyOutcome(kind: OutcomeKind, latencyMs: number): CallOutcome<never> {
  return {
    kind,
    httpStatus: null,
    actionStatus: null,
    errorCode: null,
    errorInfo: null,
    requestId: null,
    callId: null,
    callResult: null,
    response: null,
    payload: null,
    rawBody: null,
    detail: null,
    latencyMs,
  };
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause && typeof cause === "object") {
    const { code, hostname, message } = cause as { code?: unknown; hostname?: unknown; message?: unknown };
    if (typeof code === "string") return typeof hostname === "string" ? `${code} ${hostname}` : code;
    if (typeof message === "string") return message;
  }
  return error.message;
}

/**
 * Classifies a body that arrived with HTTP 200. An answer with ErrorCode 0
 * whose `Response` does not fit the command's schema is a bad-response, with
 * the fields that did not fit in `detail`.
 */
export function classifyBody<C extends Command>(
  command: C,
  text: string,
  httpStatus: number,
  latencyMs: number,
): CallOutcome<ResponseOf<C>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ...emptyOutcome("bad-response", latencyMs),
      httpStatus,
      rawBody: text.slice(0, RAW_BODY_LIMIT),
      detail: "the body is not JSON",
    };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    return {
      ...emptyOutcome("bad-response", latencyMs),
      httpStatus,
      response: json,
      detail: "the JSON lacks ActionStatus or a numeric ErrorCode",
    };
  }
  const { ActionStatus, ErrorCode, ErrorInfo, RequestId } = envelope.data;
  const answered = {
    httpStatus,
    actionStatus: ActionStatus,
    errorCode: ErrorCode,
    errorInfo: ErrorInfo ?? null,
    requestId: RequestId ?? null,
    response: json,
  };
  if (ErrorCode !== 0 || ActionStatus !== "OK") return { ...emptyOutcome("api-error", latencyMs), ...answered };
  const checked = checkResponse(command, answerOf(command, json));
  if (!checked.ok) {
    return {
      ...emptyOutcome("bad-response", latencyMs),
      ...answered,
      detail: `the Response does not fit ${command}: ${checked.problems.join("; ")}`,
    };
  }
  const { callIdOf, callResultOf } = COMMAND_SPECS[command];
  return {
    ...emptyOutcome("ok", latencyMs),
    ...answered,
    callId: callIdOf?.(checked.response) ?? null,
    callResult: callResultOf?.(checked.response) ?? null,
    payload: checked.response,
  };
}

/**
 * The outcome with every copy of a secret (the UserSig, as sent and as
 * URL-encoded) replaced by <USERSIG>: a gateway's error page or ErrorInfo may
 * repeat the request URL, and what is stored or shown must not carry it.
 */
export function redactOutcome<R>(outcome: CallOutcome<R>, secret: string): CallOutcome<R> {
  const forms = [...new Set([secret, encodeURIComponent(secret)])].filter((f) => f.length > 0);
  const scrub = (text: string | null) => (text === null ? null : forms.reduce((t, f) => t.split(f).join(USERSIG_PLACEHOLDER), text));
  const json = outcome.response === null || outcome.response === undefined ? null : JSON.stringify(outcome.response);
  const scrubbedJson = scrub(json);
  return {
    ...outcome,
    rawBody: scrub(outcome.rawBody),
    detail: scrub(outcome.detail),
    errorInfo: scrub(outcome.errorInfo),
    response: scrubbedJson === json ? outcome.response : JSON.parse(scrubbedJson ?? "null"),
    // An answer that repeats the secret is not handed on as typed data either.
    payload: scrubbedJson === json ? outcome.payload : null,
  };
}

/**
 * Transport failures that happen before any byte of the request leaves: the
 * name did not resolve (ENOTFOUND, EAI_AGAIN) or the connection was refused
 * (ECONNREFUSED). Only these may be sent again elsewhere; after a timeout or
 * a reset the service may have acted.
 */
const NOTHING_SENT = /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED)\b/;

export function nothingWasSent(outcome: Pick<CallOutcome, "kind" | "detail">): boolean {
  return outcome.kind === "network-error" && NOTHING_SENT.test(outcome.detail ?? "");
}

export async function sendPrepared<C extends Command>(
  prepared: PreparedRequest<C>,
  options: { timeoutMs?: number; fetchImpl?: FetchLike; maxResponseBytes?: number } = {},
): Promise<CallOutcome<ResponseOf<C>>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetchImpl ?? fetch;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetchImpl(prepared.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", accept: "application/json" },
      body: prepared.bodyText,
      signal: controller.signal,
      redirect: "manual",
    });
    const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const { text, truncated } = await readBounded(response, maxBytes);
    if (truncated) {
      return {
        ...emptyOutcome("bad-response", elapsed()),
        httpStatus: response.status,
        rawBody: text.slice(0, RAW_BODY_LIMIT),
        detail: `the answer was larger than ${maxBytes} bytes`,
      };
    }
    if (response.status !== 200) {
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // keep the raw text below
      }
      return {
        ...emptyOutcome("http-error", elapsed()),
        httpStatus: response.status,
        response: json,
        rawBody: json === null ? text.slice(0, RAW_BODY_LIMIT) : null,
        detail: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
      };
    }
    return classifyBody(prepared.command, text, response.status, elapsed());
  } catch (error) {
    if (timedOut) {
      return { ...emptyOutcome("timeout", elapsed()), detail: `no answer within ${timeoutMs} ms` };
    }
    return { ...emptyOutcome("network-error", elapsed()), detail: describeNetworkError(error) };
  } finally {
    clearTimeout(timer);
  }
}
