"use client";

import { Save } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";

export type SaveTemplate = Action<{ id?: string; name: string; profileId: string; body: unknown }, { id: string }>;

/** Saves the form as a named template for the team, or updates the template it was filled from. */
export function SaveTemplateBar({
  save,
  current,
  read,
}: {
  save: SaveTemplate;
  /** The template the form was filled from, when it was. */
  current?: { id: string; name: string };
  /** The form's profile and body, as they would be sent. */
  read: () => { profileId: string; body: unknown };
}) {
  const t = useTranslations("templates.save");
  const [name, setName] = useState("");
  const action = useAction(save, {
    failure: t("failure"),
    onSuccess: (_data, input) => toast.success(t("savedToast", { name: input.name })),
  });
  return (
    <div className="flex flex-wrap items-end gap-2 rounded-md border border-dashed border-slate-300 p-3" data-testid="save-template">
      <label className="flex-1 space-y-1 text-xs text-slate-600">
        {t("name")}
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t("placeholder")} />
      </label>
      <Button type="button" variant="secondary" disabled={action.pending || !name.trim()} onClick={() => action.run({ name, ...read() })}>
        <Save className="size-4" aria-hidden /> {t("saveAs")}
      </Button>
      {current ? (
        <Button
          type="button"
          variant="secondary"
          disabled={action.pending}
          onClick={() => action.run({ id: current.id, name: current.name, ...read() })}
        >
          {t("update", { name: current.name })}
        </Button>
      ) : null}
      {action.error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {action.error}
        </p>
      ) : null}
      {action.succeeded && action.data ? (
        <p className="w-full text-sm text-slate-700" role="status">
          {t("saved")}{" "}
          <Link className="text-brand-600 hover:underline" href="/calls/templates">
            {t("all")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
