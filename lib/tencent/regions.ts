/**
 * Call Engine data centres. An SDKAppID lives in exactly one of them; calling
 * another answers 60026, 70016 or 70020.
 */
export const REGIONS = [
  { id: "china", name: "China", domain: "console.tim.qq.com", backupDomain: "adminapi.my-imcloud.com" },
  { id: "singapore", name: "Singapore", domain: "adminapisgp.im.qcloud.com", backupDomain: "adminapisgp.my-imcloud.com" },
  { id: "seoul", name: "Seoul", domain: "adminapikr.im.qcloud.com", backupDomain: "adminapikr.my-imcloud.com" },
  { id: "frankfurt", name: "Frankfurt", domain: "adminapiger.im.qcloud.com", backupDomain: "adminapiger.my-imcloud.com" },
  { id: "silicon-valley", name: "Silicon Valley", domain: "adminapiusa.im.qcloud.com", backupDomain: "adminapiusa.my-imcloud.com" },
  { id: "jakarta", name: "Jakarta", domain: "adminapiidn.im.qcloud.com", backupDomain: "adminapiidn.my-imcloud.com" },
] as const;

export type Region = (typeof REGIONS)[number];
export type RegionId = Region["id"];

export const REGION_IDS = REGIONS.map((r) => r.id) as [RegionId, ...RegionId[]];

export function isRegionId(value: string): value is RegionId {
  return REGIONS.some((r) => r.id === value);
}

export function getRegion(id: RegionId): Region {
  const region = REGIONS.find((r) => r.id === id);
  if (!region) throw new Error(`unknown region id: ${id}`);
  return region;
}

/** Base URL (scheme + host, no trailing slash) of a region, optionally its backup domain. */
export function regionBaseUrl(id: RegionId, { backup = false }: { backup?: boolean } = {}): string {
  const region = getRegion(id);
  return `https://${backup ? region.backupDomain : region.domain}`;
}

/**
 * Normalises a custom base URL: http(s) only, no query or fragment, no trailing slash.
 * Returns null when the text is not such a URL.
 */
export function normalizeBaseUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.search || url.hash || url.username || url.password) return null;
  return url.toString().replace(/\/+$/, "");
}
