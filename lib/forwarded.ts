import { isTrustedAddress, type TrustedProxies } from "@/lib/trusted-proxies";
import { peerAddress } from "@/lib/peer-address";

/**
 * Who is asking, as far as the console can prove it. The peer is the socket's
 * address (see lib/peer-address.ts). X-Forwarded-For, -Host and -Proto count
 * only when TRUSTED_PROXIES says a proxy in front of the console added them:
 * with a hop count, the last `count` hops (the peer first) are proxies; with a
 * list, hops are proxies while their address is in the list. The client is
 * the nearest hop that is not a proxy.
 */
export interface RequestOrigin {
  /** The client's address, or null when the peer is unknown. */
  ip: string | null;
  /** The host the client asked for: Host, or a trusted proxy's X-Forwarded-Host. */
  host: string | null;
  /** The scheme, when a trusted proxy said it; null otherwise. */
  proto: "http" | "https" | null;
}

type HeaderReader = { get(name: string): string | null };

const list = (header: string | null) =>
  (header ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const lastOf = (header: string | null) => list(header).pop() ?? null;

export function requestOrigin(headers: HeaderReader, proxies: TrustedProxies): RequestOrigin {
  const peer = peerAddress(headers);
  const host = headers.get("host");
  if (proxies.kind === "none" || peer === null) return { ip: peer, host, proto: null };
  const chain = [...list(headers.get("x-forwarded-for")), peer];
  let clientIndex: number;
  if (proxies.kind === "hops") {
    clientIndex = Math.max(0, chain.length - 1 - proxies.count);
  } else {
    if (!isTrustedAddress(peer, proxies)) return { ip: peer, host, proto: null };
    clientIndex = chain.length - 1;
    while (clientIndex > 0 && isTrustedAddress(chain[clientIndex] ?? null, proxies)) clientIndex -= 1;
  }
  const proto = lastOf(headers.get("x-forwarded-proto"));
  return {
    ip: (chain[clientIndex] ?? peer).slice(0, 64),
    host: lastOf(headers.get("x-forwarded-host")) ?? host,
    proto: proto === "https" || proto === "http" ? proto : null,
  };
}
