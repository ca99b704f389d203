"use client";

import { Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
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
  const router = useRouter();
  const [name, setName] = useState(template.name);
  const [confirming, setConfirming] = useState(false);
  const rename = useAction(actions?.rename ?? (async () => ({ ok: true, data: null })), {
    failure: "The template could not be renamed.",
    onSuccess: () => router.refresh(),
  });
  const remove = useAction(actions?.remove ?? (async () => ({ ok: true, data: null })), {
    failure: "The template could not be deleted.",
    onSuccess: () => router.refresh(),
  });
  return (
    <li data-testid="template-row" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-base font-semibold text-slate-900">{template.name}</span>
        <span className="text-slate-600">
          profile {template.profileName}
          {template.profileExists ? "" : " (deleted)"}
        </span>
        <span className="text-xs text-slate-500">
          by {template.owner ?? "?"}, last changed by {template.updatedBy ?? "?"} <LocalTime iso={template.updatedAt} />
        </span>
      </div>
      {template.problems.length > 0 ? <p className="text-amber-800">No longer valid: {template.problems.join("; ")}</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`/calls/new?template=${template.id}`} className="font-medium text-brand-600 hover:underline">
          Open in the form →
        </Link>
        <CopyButton text={JSON.stringify(template.body, null, 2)} label="Copy body" />
        {actions ? (
          <>
            <form
              className="flex items-center gap-2"
              aria-label={`Rename ${template.name}`}
              onSubmit={(e) => {
                e.preventDefault();
                rename.run({ id: template.id, name });
              }}
            >
              <Input aria-label="New name" value={name} onChange={(e) => setName(e.target.value)} className="w-56" />
              <Button type="submit" variant="secondary" disabled={rename.pending || name.trim() === template.name}>
                Rename
              </Button>
            </form>
            {confirming ? (
              <Button type="button" variant="danger" disabled={remove.pending} onClick={() => remove.run({ id: template.id })}>
                Delete “{template.name}” for everyone
              </Button>
            ) : (
              <Button type="button" variant="ghost" onClick={() => setConfirming(true)}>
                <Trash2 className="size-4" aria-hidden /> Delete
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
  if (templates.length === 0) return <p className="text-sm text-slate-600">No templates yet: save one from the New call form.</p>;
  return (
    <ul className="space-y-3">
      {templates.map((t) => (
        <TemplateRow key={t.id} template={t} actions={actions} />
      ))}
    </ul>
  );
}
