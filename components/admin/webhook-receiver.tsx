"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";

export interface WebhookReceiverProps {
  profileId: string;
  url: string;
  previous: { url: string; until: string }[];
  counts: { accepted: number; refused: number; dropped: number; trimmed: number };
  graceHours: number;
  rotate: Action<{ profileId: string }, null>;
}

/** The profile's receiver URL (with its secret token), older URLs in their grace period, counts, and rotation. */
export function WebhookReceiver({ profileId, url, previous, counts, graceHours, rotate }: WebhookReceiverProps) {
  const t = useTranslations("admin.receiver");
  const router = useRouter();
  const rotation = useAction(rotate, { failure: t("failure"), onSuccess: () => router.refresh() });
  const { pending, error } = rotation;
  return (
    <div className="space-y-3 text-sm" data-testid="webhook-receiver">
      <p>
        {t("url")}{" "}
        <span className="font-mono break-all" data-testid="receiver-url">
          {url}
        </span>{" "}
        <CopyButton text={url} label={t("copy")} />
      </p>
      {previous.map((p) => (
        <p key={p.url} className="text-slate-600" data-testid="previous-receiver">
          {t.rich("previous", { time: () => <LocalTime iso={p.until} /> })} <span className="font-mono break-all">{p.url}</span>
        </p>
      ))}
      <dl className="flex gap-6" data-testid="webhook-counts">
        {(["accepted", "refused", "dropped", "trimmed"] as const).map((k) => (
          <div key={k}>
            <dt className="text-xs text-slate-500 capitalize">{t(`counts.${k}`)}</dt>
            <dd className="font-mono" data-testid={`count-${k}`}>
              {counts[k]}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">{t("countsNote")}</p>
      <Button type="button" variant="secondary" disabled={pending} onClick={() => rotation.run({ profileId })}>
        {t("rotate")}
      </Button>
      <span className="ml-2 text-xs text-slate-500">{t("grace", { hours: graceHours })}</span>
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
