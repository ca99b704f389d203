/**
 * The socket's address of a request. Next.js does not expose it to route
 * handlers, actions or the proxy: it only copies it into X-Forwarded-For when
 * that header is absent, so a client that sends its own loses it. At start
 * (instrumentation.ts) the console stamps every incoming request with the
 * socket's address under a header whose name is random per process, so no
 * client can send it; readers find the name on globalThis.
 */
import type { IncomingMessage } from "node:http";

const holder = globalThis as { __consolePeerHeader?: string };

/** Installs the stamp on every HTTP server of this process (idempotent). */
export async function stampPeerAddresses(): Promise<void> {
  if (holder.__consolePeerHeader) return;
  const http = await import("node:http");
  const { randomBytes } = await import("node:crypto");
  const name = `x-console-peer-${randomBytes(12).toString("hex")}`;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function stamped(this: InstanceType<typeof http.Server>, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[name] = request.socket.remoteAddress ?? "";
    }
    return (emit as (this: unknown, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
  holder.__consolePeerHeader = name;
}

/** The stamped socket address, or null (not stamped: a test, or a runtime without it). */
export function peerAddress(headers: { get(name: string): string | null }): string | null {
  const name = holder.__consolePeerHeader;
  const value = name ? headers.get(name) : null;
  return value ? value.slice(0, 64) : null;
}

/** Test helper: pretends the stamp is installed under this name. */
export function usePeerHeaderForTests(name: string | undefined): void {
  holder.__consolePeerHeader = name;
}
