"use client";

import { MapPin } from "lucide-react";
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
  const finder = useAction(find, { failure: "The regions could not be checked." });
  const mover = useAction(move, {
    failure: "The profile could not be changed.",
    onRefusal: (message) => toast.error(message),
    onSuccess: (_data, input) => toast.success(`Profile moved to ${probes?.find((p) => p.region === input.region)?.name ?? input.region}.`),
  });
  const pending = finder.pending || mover.pending;
  const probes = finder.data ?? null;
  const error = finder.error;
  const moved = mover.succeeded ? (probes?.find((p) => p.region === mover.variables?.region)?.name ?? null) : null;
  const knowing = probes?.filter((p) => p.knowsApp) ?? [];

  return (
    <Card data-testid="region-finder">
      <CardTitle>Wrong region?</CardTitle>
      <p className="mb-3 text-sm text-slate-700">
        This answer usually means the profile points at a data centre that does not hold its SDKAppID. The console can ask every region with
        a harmless read (get_record_by_filter); each probe is kept in history.
      </p>
      <Button type="button" variant="secondary" disabled={pending} onClick={() => finder.run({ entryId })}>
        <MapPin className="size-4" aria-hidden /> {pending && !probes ? "Checking the regions…" : "Check the other regions"}
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
              ? "No region knows this SDKAppID: check the SDKAppID itself, and the network for DNS failures."
              : `${knowing.map((p) => p.name).join(", ")} ${knowing.length === 1 ? "knows" : "know"} this SDKAppID.`}
          </p>
          <ul className="space-y-1 text-sm">
            {probes.map((p) => (
              <li key={p.region} className="flex flex-wrap items-center gap-2" data-testid="region-probe">
                <span className="w-28">{p.name}</span>
                <span className="w-56 font-mono text-xs text-slate-600">{p.domain}</span>
                <OutcomeBadge outcome={p.outcome} errorCode={p.errorCode} />
                <span className="text-xs text-slate-500" title={p.backup.domain} data-testid="region-probe-backup">
                  backup: <OutcomeBadge outcome={p.backup.outcome} errorCode={p.backup.errorCode} />
                </span>
                {p.knowsApp ? <span className="text-emerald-700">knows the app</span> : null}
                {p.current ? <span className="text-xs text-slate-500">(profile now)</span> : null}
                <a className="text-xs text-brand-600 hover:underline" href={`/history/${p.historyId}`}>
                  attempt
                </a>
              </li>
            ))}
          </ul>
          {canFix && knowing.length === 1 && !knowing[0]?.current ? (
            moved ? (
              <p className="text-sm text-emerald-800">The profile now points at {moved}.</p>
            ) : (
              <Button
                type="button"
                disabled={pending}
                onClick={() => {
                  const target = knowing[0];
                  if (target) mover.run({ profileId, region: target.region });
                }}
              >
                Set the profile&apos;s region to {knowing[0]?.name}
              </Button>
            )
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
