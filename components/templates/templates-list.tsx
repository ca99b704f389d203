"use client";

import { Trash2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { useLocalize } from "@/components/i18n/localize";
import { Input } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";
import type { TemplateView } from "@/lib/forms/template-view";

export interface TemplateActions {
  rename: Action<{ id: string; name: string }, null>;
  remove: Action<{ id: string }, null>;
}

function TemplateRow({ template, actions }: { template: TemplateView; actions: TemplateActions | null }) {
  const t = useTranslations("templates.list");
  const localize = useLocalize();
  const router = useRouter();
  const [name, setName] = useState(template.name);
  const [confirming, setConfirming] = useState(false);
  const rename = useAction(actions?.rename ?? (async () => ({ ok: true, data: null })), {
    failure: t("renameFailed"),
    onSuccess: () => router.refresh(),
  });
  const remove = useAction(actions?.remove ?? (async () => ({ ok: true, data: null })), {
    failure: t("deleteFailed"),
    onSuccess: () => router.refresh(),
  });
  return (
    <li data-testid="template-row" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-base font-semibold text-slate-900">{template.name}</span>
        <span className="text-slate-600">{t(template.profileExists ? "profile" : "profileDeleted", { name: template.profileName })}</span>
        <span className="text-xs text-slate-500">
          {t.rich("by", {
            owner: template.owner ?? t("nobody"),
            updatedBy: template.updatedBy ?? t("nobody"),
            time: () => <LocalTime iso={template.updatedAt} />,
          })}
        </span>
      </div>
      {template.problems.length > 0 ? (
        <p className="text-amber-800">{t("invalid", { problems: template.problems.map(localize).join(t("problemSeparator")) })}</p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`/calls/new?template=${template.id}`} className="font-medium text-brand-600 hover:underline">
          {t("open")}
        </Link>
        <CopyButton text={JSON.stringify(template.body, null, 2)} label={t("copyBody")} />
        {actions ? (
          <>
            <form
              className="flex items-center gap-2"
              aria-label={t("renameForm", { name: template.name })}
              onSubmit={(e) => {
                e.preventDefault();
                rename.run({ id: template.id, name });
              }}
            >
              <Input aria-label={t("newName")} value={name} onChange={(e) => setName(e.target.value)} className="w-56" />
              <Button type="submit" variant="secondary" disabled={rename.pending || name.trim() === template.name}>
                {t("rename")}
              </Button>
            </form>
            {confirming ? (
              <Button type="button" variant="danger" disabled={remove.pending} onClick={() => remove.run({ id: template.id })}>
                {t("confirmDelete", { name: template.name })}
              </Button>
            ) : (
              <Button type="button" variant="ghost" onClick={() => setConfirming(true)}>
                <Trash2 className="size-4" aria-hidden /> {t("delete")}
              </Button>
            )}
          </>
        ) : null}
      </div>
      {rename.error || remove.error ? (
        <p role="alert" className="text-red-700">
          {rename.error ?? remove.error}
        </p>
      ) : null}
    </li>
  );
}

/** The team's call templates: open one in the form or copy its body; operators rename and delete them. */
export function TemplatesList({ templates, actions }: { templates: TemplateView[]; actions: TemplateActions | null }) {
  const t = useTranslations("templates.list");
  if (templates.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <ul className="space-y-3">
      {templates.map((template) => (
        <TemplateRow key={template.id} template={template} actions={actions} />
      ))}
    </ul>
  );
}
