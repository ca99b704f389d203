import { NextResponse, type NextRequest } from "next/server";
import { requestOrigin } from "@/lib/forwarded";
import {
  ACTION_BODY_LIMIT,
  checkActionHeaders,
  checkActionText,
  isActionRequest,
  readActionBody,
  type GateConfig,
} from "@/lib/action-gate";
import { parseTrustedProxies } from "@/lib/trusted-proxies";

let gateConfig: GateConfig | undefined;
/** PUBLIC_URL and TRUSTED_PROXIES, as lib/env validated them at start. */
function actionGateConfig(): GateConfig {
  const proxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  gateConfig ??= { publicUrl: process.env.PUBLIC_URL?.trim() || null, proxies: proxies.ok ? proxies.proxies : { kind: "none" } };
  return gateConfig;
}

/** Server actions from another origin, or with a body React never sends, are refused here: 400, 403 or 413, never 500. */
async function refuseBadAction(request: NextRequest): Promise<NextResponse | null> {
  if (!isActionRequest(request.method, request.headers)) return null;
  const refused = checkActionHeaders(request.headers, actionGateConfig());
  const refuse = (r: { status: number; reason: string }) =>
    new NextResponse(`${r.reason}\n`, {
      status: r.status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  if (refused) return refuse(refused);
  const text = await readActionBody(request.clone().body);
  if (text === null) return refuse({ status: 413, reason: `the body is larger than ${ACTION_BODY_LIMIT} bytes` });
  if (request.headers.get("content-type")?.toLowerCase().startsWith("text/plain")) {
    const bad = checkActionText(text);
    if (bad) return refuse(bad);
  }
  return null;
}

/**
 * A per-request nonce for a strict Content-Security-Policy (no unsafe-eval
 * outside development, no inline scripts but Next's own, no framing), and the
 * requested path for the sign-in redirect; and the same-origin and shape check
 * of server action requests (lib/action-gate.ts). Access checks are not made
 * here: every page, route handler and action checks the session itself.
 */
export async function proxy(request: NextRequest) {
  const refused = await refuseBadAction(request);
  if (refused) return refused;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-console-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  // What reaches Next.js and the app says only what trusted proxies said (lib/forwarded.ts): a client's own
  // X-Forwarded-* headers would otherwise reach Next's action check (a 500) and anything else that reads them.
  const origin = requestOrigin(request.headers, actionGateConfig().proxies);
  if (origin.host) requestHeaders.set("x-forwarded-host", origin.host);
  else requestHeaders.delete("x-forwarded-host");
  if (origin.ip) requestHeaders.set("x-forwarded-for", origin.ip);
  else requestHeaders.delete("x-forwarded-for");
  requestHeaders.set("x-forwarded-proto", origin.proto ?? "http");

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg).*)" }],
};
