"use client";

import { MapPin } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { OutcomeBadge } from "@/components/outcome/outcome-badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";
import type { RegionProbe } from "@/lib/forms/region-probe";
import type { RegionId } from "@/lib/tencent/regions";

/** Offered on an attempt that answered 60026, 70016 or 70020, or whose domain did not resolve. */
export function RegionFinder({
  entryId,
  profileId,
  canFix,
  find,
  move,
}: {
  entryId: string;
  profileId: string;
  canFix: boolean;
  find: Action<{ entryId: string }, RegionProbe[]>;
  move: Action<{ profileId: string; region: RegionId }, null>;
}) {
  const t = useTranslations("history.regionFinder");
  const regionName = (region: RegionId) => t(`regions.${region}`);
  const finder = useAction(find, { failure: t("checkFailed") });
  const mover = useAction(move, {
    failure: t("moveFailed"),
    onRefusal: (message) => toast.error(message),
    onSuccess: (_data, input) => toast.success(t("moved", { region: regionName(input.region) })),
  });
  const pending = finder.pending || mover.pending;
  const probes = finder.data ?? null;
  const error = finder.error;
  const movedTo = mover.succeeded ? probes?.find((p) => p.region === mover.variables?.region) : undefined;
  const moved = movedTo ? regionName(movedTo.region) : null;
  const knowing = probes?.filter((p) => p.knowsApp) ?? [];
  const names = knowing.map((p) => regionName(p.region)).join(t("separator"));

  return (
    <Card data-testid="region-finder">
      <CardTitle>{t("heading")}</CardTitle>
      <p className="mb-3 text-sm text-slate-700">{t("intro")}</p>
      <Button type="button" variant="secondary" disabled={pending} onClick={() => finder.run({ entryId })}>
        <MapPin className="size-4" aria-hidden /> {pending && !probes ? t("checking") : t("check")}
      </Button>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {probes ? (
        <div className="mt-4 space-y-3">
          <p data-testid="region-verdict" className="text-sm font-medium text-slate-900">
            {knowing.length === 0
              ? t("noneKnows")
              : knowing.length === 1
                ? t("oneKnows", { region: names })
                : t("manyKnow", { regions: names })}
          </p>
          <ul className="space-y-1 text-sm">
            {probes.map((p) => (
              <li key={p.region} className="flex flex-wrap items-center gap-2" data-testid="region-probe">
                <span className="w-28">{regionName(p.region)}</span>
                <span className="w-56 font-mono text-xs text-slate-600">{p.domain}</span>
                <OutcomeBadge outcome={p.outcome} errorCode={p.errorCode} />
                <span className="text-xs text-slate-500" title={p.backup.domain} data-testid="region-probe-backup">
                  {t("backup")} <OutcomeBadge outcome={p.backup.outcome} errorCode={p.backup.errorCode} />
                </span>
                {p.knowsApp ? <span className="text-emerald-700">{t("knowsApp")}</span> : null}
                {p.current ? <span className="text-xs text-slate-500">{t("current")}</span> : null}
                <a className="text-xs text-brand-600 hover:underline" href={`/history/${p.historyId}`}>
                  {t("attempt")}
                </a>
              </li>
            ))}
          </ul>
          {canFix && knowing.length === 1 && !knowing[0]?.current ? (
            moved ? (
              <p className="text-sm text-emerald-800">{t("nowPointsAt", { region: moved })}</p>
            ) : (
              <Button
                type="button"
                disabled={pending}
                onClick={() => {
                  const target = knowing[0];
                  if (target) mover.run({ profileId, region: target.region });
                }}
              >
                {t("setRegion", { region: knowing[0] ? regionName(knowing[0].region) : "" })}
              </Button>
            )
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
