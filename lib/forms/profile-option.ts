/** A profile as the browser sees it: where requests go, never the key. */
export interface ProfileOption {
  id: string;
  name: string;
  kind: "simulator" | "environment" | "custom";
  sdkAppId: number;
  adminIdentifier: string;
  /** A readable destination: region and domain, base URL, or the simulator. */
  target: string;
  /** Where requests go: scheme and host (and path prefix), no query. */
  baseUrl: string;
  keyFingerprint: string;
}
