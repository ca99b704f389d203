"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCatalog } from "@/components/calls/catalog-text";
import { useLocalize } from "@/components/i18n/localize";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";
import type { UserSigReport } from "@/lib/forms/usersig-report";

interface ProfileChoice {
  id: string;
  name: string;
  sdkAppId: number;
  adminIdentifier: string;
}

/** A lifetime in days, hours and minutes ("1 d 2 h", "1 天 2 小时"); seconds only under a minute. */
function useLifetime(): (seconds: number) => string {
  const t = useTranslations("usersig.lifetime");
  return (seconds) => {
    const abs = Math.abs(seconds);
    const amounts = [
      ["days", Math.floor(abs / 86_400)],
      ["hours", Math.floor((abs % 86_400) / 3600)],
      ["minutes", Math.floor((abs % 3600) / 60)],
    ] as const;
    const parts = amounts.filter(([, n]) => n > 0).map(([unit, n]) => t(unit, { n }));
    return parts.length === 0 ? t("seconds", { n: abs }) : parts.join(" ");
  };
}

export function UserSigInspector({
  profiles,
  action,
}: {
  profiles: ProfileChoice[];
  action: Action<{ userSig: string; profileId?: string }, UserSigReport>;
}) {
  const t = useTranslations("usersig.inspect");
  const tFields = useTranslations("usersig.fields");
  const lifetime = useLifetime();
  const catalog = useCatalog();
  const localize = useLocalize();
  const inspect = useAction(action, { failure: t("failure") });
  const { pending } = inspect;
  const report = inspect.error ? null : (inspect.data ?? null);
  const errors = inspect.formError ? { userSig: [inspect.formError] } : inspect.fieldErrors;
  return (
    <Card>
      <CardTitle>{t("title")}</CardTitle>
      <form
        aria-label={t("title")}
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          inspect.run({ userSig: String(data.get("userSig") ?? ""), profileId: String(data.get("profileId") ?? "") });
        }}
      >
        <Field id="userSig" label="UserSig" hint={t("userSigHint")} errors={errors.userSig}>
          <Textarea id="userSig" name="userSig" rows={3} spellCheck={false} invalid={!!errors.userSig} />
        </Field>
        <Field id="verify-profile" label={t("verifyAgainst")} hint={t("verifyHint")} errors={errors.profileId}>
          <Select id="verify-profile" name="profileId" defaultValue="">
            <option value="">{t("decodeOnly")}</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.sdkAppId}, {p.adminIdentifier})
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? t("inspecting") : t("submit")}
        </Button>
      </form>

      {report ? (
        <div className="mt-5 space-y-3" data-testid="usersig-report" aria-live="polite">
          {report.malformed ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              {t("malformed", { reason: localize(report.malformed) })}
            </p>
          ) : null}
          {report.decoded ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
              <dt className="font-mono text-slate-500">{tFields("identifier")}</dt>
              <dd className="font-mono">{report.decoded.identifier}</dd>
              <dt className="font-mono text-slate-500">{tFields("sdkAppId")}</dt>
              <dd className="font-mono">{report.decoded.sdkAppId}</dd>
              <dt className="text-slate-500">{t("issued")}</dt>
              <dd>
                <LocalTime iso={new Date(report.decoded.time * 1000).toISOString()} />{" "}
                <span className="font-mono text-xs">({report.decoded.time})</span>
              </dd>
              <dt className="text-slate-500">{t("expires")}</dt>
              <dd>
                <LocalTime iso={new Date(report.decoded.expiresAt * 1000).toISOString()} />{" "}
                {t("validFor", { lifetime: lifetime(report.decoded.expire) })}
              </dd>
              <dt className="text-slate-500">{t("timeLeft")}</dt>
              <dd data-testid="usersig-time-left" className={report.decoded.secondsLeft < 0 ? "font-medium text-red-700" : ""}>
                {report.decoded.secondsLeft >= 0
                  ? lifetime(report.decoded.secondsLeft)
                  : t("expiredAgo", { lifetime: lifetime(report.decoded.secondsLeft) })}
              </dd>
              <dt className="font-mono text-slate-500">{tFields("version")}</dt>
              <dd className="font-mono">{report.decoded.version}</dd>
            </dl>
          ) : null}
          {report.verdict ? (
            report.verdict.ok ? (
              <p data-testid="usersig-verdict" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
                {localize(report.verdict.message)}
              </p>
            ) : (
              <div data-testid="usersig-verdict" className="space-y-1 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
                <p className="font-medium">
                  {t("wouldAnswer", { title: catalog.code(report.verdict.errorCode).title, code: report.verdict.errorCode })}
                </p>
                <p>{t("reason", { reason: localize(report.verdict.message) })}</p>
                <p>{catalog.code(report.verdict.errorCode).action}</p>
              </div>
            )
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

export function UserSigGenerator({
  profiles,
  action,
}: {
  profiles: ProfileChoice[];
  action: Action<{ profileId: string; identifier: string; expireSeconds: unknown }, { userSig: string; expiresAt: string }>;
}) {
  const t = useTranslations("usersig.generate");
  const generate = useAction(action, { failure: t("failure") });
  const { pending } = generate;
  const errors = generate.formError ? { ...generate.fieldErrors, profileId: [generate.formError] } : generate.fieldErrors;
  const made = generate.error ? null : (generate.data ?? null);
  const [profileId, setProfileId] = useState(profiles[0]?.id ?? "");
  const profile = profiles.find((p) => p.id === profileId);
  return (
    <Card>
      <CardTitle>{t("title")}</CardTitle>
      <form
        aria-label={t("title")}
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          generate.run({
            profileId,
            identifier: String(data.get("identifier") ?? ""),
            expireSeconds: String(data.get("expireSeconds") ?? ""),
          });
        }}
      >
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="gen-profile" label={t("profile")} errors={errors.profileId}>
            <Select id="gen-profile" value={profileId} onChange={(e) => setProfileId(e.target.value)}>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.sdkAppId})
                </option>
              ))}
            </Select>
          </Field>
          <Field id="gen-identifier" label={t("identifier")} hint={t("identifierHint")} errors={errors.identifier}>
            <Input key={profileId} id="gen-identifier" name="identifier" defaultValue={profile?.adminIdentifier ?? "administrator"} />
          </Field>
          <Field id="gen-expire" label={t("expire")} hint={t("expireHint")} errors={errors.expireSeconds}>
            <Input id="gen-expire" name="expireSeconds" inputMode="numeric" defaultValue="86400" invalid={!!errors.expireSeconds} />
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("signing") : t("submit")}
        </Button>
      </form>
      {made ? (
        <div data-testid="generated-usersig" className="mt-4 space-y-1 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">{t.rich("shownOnce", { time: () => <LocalTime iso={made.expiresAt} /> })}</p>
          <p className="flex items-start gap-2">
            <code className="break-all text-xs">{made.userSig}</code>
            <CopyButton text={made.userSig} label={t("copy")} />
          </p>
        </div>
      ) : null}
    </Card>
  );
}
