import { requestOrigin } from "@/lib/forwarded";
import type { TrustedProxies } from "@/lib/trusted-proxies";

/**
 * The first check of a server action request (a POST with a Next-Action
 * header), made in proxy.ts before Next.js decodes it and before any database
 * work: the Origin must be the console's own, and the body must be what
 * React's client sends (a JSON array as text/plain, or multipart form data)
 * within the size limit. Next.js's own checks fall short here: it lets a
 * missing Origin through, trusts X-Forwarded-Host from anyone, and answers a
 * body it cannot decode with HTTP 500.
 */
export const ACTION_BODY_LIMIT = 64 * 1024;
/** React's encoding of an action's arguments nests a few levels per level of the input. */
const MAX_DEPTH = 64;

export interface GateRefusal {
  status: 400 | 403 | 413;
  reason: string;
}

export interface GateConfig {
  /** PUBLIC_URL, when set. */
  publicUrl: string | null;
  proxies: TrustedProxies;
}

type HeaderReader = { get(name: string): string | null };

export function isActionRequest(method: string, headers: HeaderReader): boolean {
  return method === "POST" && headers.get("next-action") !== null;
}

/** The origin check and the checks that need no body. */
export function checkActionHeaders(headers: HeaderReader, config: GateConfig): GateRefusal | null {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return { status: 403, reason: "a server action needs the console's own Origin header" };
  let asked: URL;
  try {
    asked = new URL(origin);
  } catch {
    return { status: 403, reason: "the Origin header is not an origin" };
  }
  if (config.publicUrl) {
    if (asked.origin !== new URL(config.publicUrl).origin) return { status: 403, reason: "the Origin is not this console's (PUBLIC_URL)" };
  } else {
    const host = requestOrigin(headers, config.proxies).host;
    if (!host || asked.host !== host.toLowerCase()) return { status: 403, reason: "the Origin is not this console's host" };
  }
  if (!/^[0-9a-f]{2,128}$/i.test(headers.get("next-action") ?? ""))
    return { status: 400, reason: "the Next-Action header is not an action id" };
  const declared = Number(headers.get("content-length") ?? 0);
  if (declared > ACTION_BODY_LIMIT) return { status: 413, reason: `the body is larger than ${ACTION_BODY_LIMIT} bytes` };
  const type = (headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "text/plain" && type !== "multipart/form-data")
    return { status: 400, reason: "the body must be text/plain or multipart/form-data" };
  return null;
}

/** Depth of JSON arrays and objects, counted without parsing (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth -= 1;
  }
  return max;
}

/** The checks of a text/plain body: a JSON array, not too deep. */
export function checkActionText(text: string): GateRefusal | null {
  if (text.trim() === "") return { status: 400, reason: "the body is empty" };
  if (jsonDepth(text) > MAX_DEPTH) return { status: 400, reason: `the body nests deeper than ${MAX_DEPTH} levels` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { status: 400, reason: "the body is not JSON" };
  }
  if (!Array.isArray(value)) return { status: 400, reason: "the body must be the JSON array of the action's arguments" };
  return null;
}

/** Reads a request's body up to the limit (a chunked body has no Content-Length); null past it. */
export async function readActionBody(body: ReadableStream<Uint8Array> | null): Promise<string | null> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > ACTION_BODY_LIMIT) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
