import { parseIpv4, parseIpv6 } from "@/lib/tencent/outbound";

/**
 * TRUSTED_PROXIES: the proxies the console sits behind. A number is a hop
 * count (1: one proxy in front, whatever its address); otherwise a list of
 * addresses and CIDRs (IPv4 or IPv6). Unset: no proxy is trusted.
 */
export type TrustedProxies = { kind: "none" } | { kind: "hops"; count: number } | { kind: "list"; ranges: Range[] };

interface Range {
  /** 4 bytes or 16 bytes, as numbers 0-255. */
  bytes: number[];
  bits: number;
}

function toBytes(address: string): number[] | null {
  const bare = address.trim().replace(/^\[|\]$/g, "");
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(bare)) {
    const v4 = parseIpv4(bare);
    return v4 === null ? null : [v4 >>> 24, (v4 >>> 16) & 255, (v4 >>> 8) & 255, v4 & 255];
  }
  const v6 = parseIpv6(bare);
  if (v6 === null) return null;
  // An IPv4-mapped IPv6 peer (::ffff:a.b.c.d, as a dual-stack socket reports it) is that IPv4 address.
  if (v6.slice(0, 5).every((g) => g === 0) && v6[5] === 0xffff) {
    return [(v6[6] ?? 0) >> 8, (v6[6] ?? 0) & 255, (v6[7] ?? 0) >> 8, (v6[7] ?? 0) & 255];
  }
  return v6.flatMap((g) => [g >> 8, g & 255]);
}

export function parseTrustedProxies(text: string | undefined): { ok: true; proxies: TrustedProxies } | { ok: false; message: string } {
  const value = (text ?? "").trim();
  if (value === "" || value === "0") return { ok: true, proxies: { kind: "none" } };
  if (/^\d+$/.test(value)) {
    const count = Number(value);
    return count <= 10 ? { ok: true, proxies: { kind: "hops", count } } : { ok: false, message: "a hop count must be at most 10" };
  }
  const ranges: Range[] = [];
  for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
    const [address = "", bitsText] = entry.split("/");
    const bytes = toBytes(address);
    const max = bytes?.length === 4 ? 32 : 128;
    const bits = bitsText === undefined ? max : Number(bitsText);
    if (!bytes || !/^\d*$/.test(bitsText ?? "") || !Number.isInteger(bits) || bits < 0 || bits > max) {
      return { ok: false, message: `"${entry}" is not an address or CIDR (e.g. 10.0.0.0/8, ::1); or give a hop count such as 1` };
    }
    ranges.push({ bytes, bits });
  }
  return { ok: true, proxies: { kind: "list", ranges } };
}

export function isTrustedAddress(address: string | null, proxies: TrustedProxies): boolean {
  if (proxies.kind !== "list" || !address) return false;
  const bytes = toBytes(address);
  if (!bytes) return false;
  return proxies.ranges.some((range) => {
    if (range.bytes.length !== bytes.length) return false;
    for (let bit = 0; bit < range.bits; bit += 8) {
      const take = Math.min(8, range.bits - bit);
      const mask = (0xff << (8 - take)) & 0xff;
      if (((range.bytes[bit / 8] ?? 0) & mask) !== ((bytes[bit / 8] ?? 0) & mask)) return false;
    }
    return true;
  });
}
