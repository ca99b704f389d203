/**
 * Where the console may send: https base URLs whose host is a public address or
 * name, unless an operator allows a host explicitly (OUTBOUND_ALLOW_HOSTS, for
 * local gateways and tests). The built-in simulator is in-process and never
 * reaches this check. Plain TypeScript without Node APIs: the profile editor
 * and the HTTP client use the same rules (the client again on the resolved
 * address, see outbound-fetch.ts).
 */

export interface OutboundPolicy {
  /** Lower-cased `host` or `host:port` entries; an IPv6 host is written in brackets. */
  allowHosts: readonly string[];
}

export const STRICT_POLICY: OutboundPolicy = { allowHosts: [] };

/** Parses OUTBOUND_ALLOW_HOSTS (comma or space separated hosts, each optionally with :port). */
export function parseAllowHosts(text: string | undefined): { ok: true; hosts: string[] } | { ok: false; entry: string } {
  const hosts: string[] = [];
  for (const entry of (text ?? "").split(/[\s,]+/).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(`http://${entry}`);
    } catch {
      return { ok: false, entry };
    }
    if (url.pathname !== "/" || url.search || url.username || url.password || url.host === "") return { ok: false, entry };
    hosts.push(entry.toLowerCase() === url.host || entry.toLowerCase() === url.hostname ? entry.toLowerCase() : url.host);
  }
  return { ok: true, hosts };
}

/** True when the operator allowed this URL's host (with or without its port). */
export function isAllowedHost(url: URL, policy: OutboundPolicy): boolean {
  return policy.allowHosts.includes(url.host.toLowerCase()) || policy.allowHosts.includes(url.hostname.toLowerCase());
}

type V4Range = [base: number, bits: number, what: string];
const V4_REFUSED: V4Range[] = [
  [0x00000000, 8, "this-network 0.0.0.0/8"],
  [0x0a000000, 8, "private 10.0.0.0/8"],
  [0x64400000, 10, "shared (CGNAT) 100.64.0.0/10"],
  [0x7f000000, 8, "loopback 127.0.0.0/8"],
  [0xa9fe0000, 16, "link-local 169.254.0.0/16"],
  [0xac100000, 12, "private 172.16.0.0/12"],
  [0xc0000000, 24, "IETF protocol assignments 192.0.0.0/24"],
  [0xc0a80000, 16, "private 192.168.0.0/16"],
  [0xc6120000, 15, "benchmarking 198.18.0.0/15"],
  [0xe0000000, 4, "multicast 224.0.0.0/4"],
  [0xf0000000, 4, "reserved 240.0.0.0/4"],
];

/**
 * An IPv4 address in any spelling inet_aton accepts (what URL parsers and
 * resolvers take): 1 to 4 parts, each decimal, 0x-hex or 0-octal, the last
 * filling the remaining bytes. Returns the 32-bit value, or null.
 */
export function parseIpv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length > 4 || parts.length === 0) return null;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = parseInt(part, 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part);
    else return null;
    if (!Number.isSafeInteger(value)) return null;
    values.push(value);
  }
  const last = values.pop() ?? 0;
  if (values.some((v) => v > 255) || last >= 2 ** (8 * (4 - values.length))) return null;
  return values.reduce((acc, v, i) => acc + v * 2 ** (8 * (3 - i)), 0) + last;
}

function v4Problem(value: number): string | null {
  for (const [base, bits, what] of V4_REFUSED) {
    const size = 2 ** (32 - bits);
    if (value >= base && value < base + size) return what;
  }
  return value === 0xffffffff ? "broadcast 255.255.255.255" : null;
}

/** An IPv6 address (no brackets, optional %zone) as eight 16-bit groups, or null. */
export function parseIpv6(text: string): number[] | null {
  let address = text.replace(/%.*$/, "").toLowerCase();
  const v4 = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (v4) {
    const value = parseIpv4(v4[2] ?? "");
    if (value === null) return null;
    address = `${v4[1]}${Math.floor(value / 65536).toString(16)}:${(value % 65536).toString(16)}`;
  }
  if (!/^[0-9a-f:]+$/.test(address)) return null;
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const parse = (s: string | undefined) => (s ? s.split(":").map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)) : []);
  const left = parse(halves[0]);
  const right = parse(halves[1]);
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...right];
  return all.every((g) => Number.isInteger(g)) ? all : null;
}

function v6Problem(g: number[]): string | null {
  const [a = 0, b = 0] = g;
  const zeroUntil = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUntil(8)) return "unspecified ::";
  if (zeroUntil(7) && g[7] === 1) return "loopback ::1";
  if (zeroUntil(5) && g[5] === 0xffff) return "IPv4-mapped ::ffff:0:0/96";
  if (zeroUntil(6)) return "IPv4-compatible ::/96";
  if (a === 0x64 && b === 0xff9b) return "NAT64 64:ff9b::/96";
  if ((a & 0xfe00) === 0xfc00) return "unique-local fc00::/7";
  if ((a & 0xffc0) === 0xfe80) return "link-local fe80::/10";
  if ((a & 0xffc0) === 0xfec0) return "site-local fec0::/10";
  if ((a & 0xff00) === 0xff00) return "multicast ff00::/8";
  if (a === 0x2002) return "6to4 2002::/16";
  if (a === 0x2001 && b === 0) return "Teredo 2001::/32";
  if (a === 0x2001 && b === 0xdb8) return "documentation 2001:db8::/32";
  return null;
}

/** Why an IP address (v4 in any spelling, or v6) may not be reached, or null when it is public. */
export function addressProblem(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "");
  const v4 = parseIpv4(bare);
  if (v4 !== null) return v4Problem(v4);
  const v6 = parseIpv6(bare);
  if (v6 !== null) return v6Problem(v6);
  return null;
}

/** True when the text is an IP literal (so no name is resolved for it). */
export function isIpLiteral(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  return parseIpv4(bare) !== null || parseIpv6(bare) !== null;
}

const INTERNAL_SUFFIXES = ["localhost", "local", "internal", "localdomain", "home.arpa", "lan", "intranet", "corp", "private"];

/** Why a host name (not an IP) may not be reached: names that lead inside a network, or null. */
export function hostNameProblem(name: string): string | null {
  const host = name.toLowerCase().replace(/\.$/, "");
  if (!host.includes(".")) return `a single-label name (${host}) resolves inside the local network`;
  const suffix = INTERNAL_SUFFIXES.find((s) => host === s || host.endsWith(`.${s}`));
  if (suffix) return `names under .${suffix} (such as metadata.google.internal) lead inside a network`;
  return null;
}

const ALLOW_HINT = "the console only sends to public https hosts unless OUTBOUND_ALLOW_HOSTS names the host";

/**
 * Why the console may not send to this base URL, as a sentence naming the
 * rule, or null when it may.
 */
export function outboundProblem(baseUrl: string, policy: OutboundPolicy): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return "is not a URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http(s) URL";
  if (url.username || url.password) return "must not carry a user name or password";
  if (isAllowedHost(url, policy)) return null;
  if (url.protocol !== "https:") return `must use https (${ALLOW_HINT})`;
  const host = url.hostname;
  if (isIpLiteral(host)) {
    const problem = addressProblem(host);
    return problem ? `must not point at a ${problem} address (${ALLOW_HINT})` : null;
  }
  const nameProblem = hostNameProblem(host);
  return nameProblem ? `must not point at an internal name: ${nameProblem} (${ALLOW_HINT})` : null;
}
