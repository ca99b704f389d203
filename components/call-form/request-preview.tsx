import { useTranslations } from "next-intl";
import { useLocalize } from "@/components/i18n/localize";
import { Card, CardTitle } from "@/components/ui/card";
import type { ProfileOption } from "@/lib/forms/profile-option";
import { CodeBlock } from "@/components/ui/code-block";
import type { BodyWarning } from "@/lib/tencent/body-warnings";

/** The request exactly as it will be sent (the UserSig and random are made on the server), with the console's warnings. */
export function RequestPreview({
  profile,
  body,
  warnings,
}: {
  profile: ProfileOption | undefined;
  body: unknown;
  warnings: BodyWarning[];
}) {
  const t = useTranslations("callForm.preview");
  const localize = useLocalize();
  return (
    <Card>
      <CardTitle>{t("title")}</CardTitle>
      <p className="break-all font-mono text-xs text-slate-600">
        {`POST ${profile?.baseUrl ?? "…"}/v4/call_engine_http_srv/start_call_by_robot?sdkappid=${profile?.sdkAppId ?? "…"}` +
          `&identifier=${profile?.adminIdentifier ?? "…"}&usersig=<${t("signedOnServer")}>&random=<${t("fresh")}>&contenttype=json`}
      </p>
      <CodeBlock data-testid="body-preview" aria-label={t("body")} className="mt-3 max-h-[28rem]" text={JSON.stringify(body, null, 2)} />
      {warnings.length > 0 ? (
        <ul className="mt-3 space-y-1 text-xs text-amber-800" aria-label={t("warnings")}>
          {warnings.map((w) => (
            <li key={`${w.field}:${w.message}`}>⚠ {localize(w.message)}</li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

/** The simulator's magic callees, each with the failure it produces: a button adds it to the callees. */
export function SimulatorAccounts({ accounts, onAdd }: { accounts: { name: string; effect: string }[]; onAdd: (name: string) => void }) {
  const t = useTranslations("simulator");
  return (
    <Card>
      <CardTitle>{t("title")}</CardTitle>
      <p className="mb-2 text-sm text-slate-600">{t("intro")}</p>
      <ul className="space-y-1.5 text-sm">
        {accounts.map((m) => (
          <li key={m.name} className="flex items-start gap-2">
            <button
              type="button"
              onClick={() => onAdd(m.name)}
              aria-label={t("add", { name: m.name })}
              className="shrink-0 rounded border border-slate-300 px-1.5 py-0.5 font-mono text-xs text-slate-900 hover:bg-slate-100"
            >
              + {m.name}
            </button>
            <span className="text-slate-600">{m.effect}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
