import "server-only";
import { getTranslations } from "next-intl/server";
import { simulatorBaseUrl } from "@/lib/calls/runtime";
import type { ProfileSummary } from "@/lib/db/profiles";
import { getRegion, isRegionId } from "@/lib/tencent/regions";

/**
 * Where a profile sends, in the user's language (lib/calls/views says it in
 * English for pickers and logs): the simulator, a base URL, or a region and
 * its domain.
 */
export async function profileTargets(): Promise<(profile: Pick<ProfileSummary, "kind" | "region" | "base_url">) => string> {
  const t = await getTranslations("admin");
  return (profile) => {
    if (profile.kind === "simulator") return t("target.simulator", { url: simulatorBaseUrl() });
    if (profile.base_url) return profile.base_url;
    if (profile.region && isRegionId(profile.region)) {
      return t("target.region", { region: t(`regions.${profile.region}`), domain: getRegion(profile.region).domain });
    }
    return t("target.none");
  };
}
