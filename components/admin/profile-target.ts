import type { useTranslations } from "next-intl";
import { getRegion, isRegionId } from "@/lib/tencent/regions";

type AdminMessages = ReturnType<typeof useTranslations<"admin">>;

/**
 * Where a profile sends, in the user's language (lib/calls/views says it in
 * English for pickers and logs): the simulator, a base URL, or a region and
 * its domain.
 */
export function profileTarget(
  t: AdminMessages,
  profile: { kind: string; region: string | null; base_url: string | null },
  simulatorUrl: string,
): string {
  if (profile.kind === "simulator") return t("target.simulator", { url: simulatorUrl });
  if (profile.base_url) return profile.base_url;
  if (profile.region && isRegionId(profile.region)) {
    return t("target.region", { region: t(`regions.${profile.region}`), domain: getRegion(profile.region).domain });
  }
  return t("target.none");
}
