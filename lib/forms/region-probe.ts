import type { RegionId } from "@/lib/tencent/regions";
import type { AttemptView } from "./attempt-view";

/** One region's answer to the wrong-region check. */
export interface RegionProbe {
  region: RegionId;
  name: string;
  domain: string;
  outcome: AttemptView["outcome"];
  errorCode: number | null;
  historyId: string;
  /** It answered, through its primary or its backup domain, as a data centre that has this SDKAppID (OK, or an error other than 60026/70016/70020). */
  knowsApp: boolean;
  /** The profile points here now. */
  current: boolean;
  /** The same read through the region's documented backup domain (*.my-imcloud.com). */
  backup: { domain: string; outcome: AttemptView["outcome"]; errorCode: number | null; historyId: string; knowsApp: boolean };
}
