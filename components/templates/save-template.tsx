"use client";

import { Save } from "lucide-react";
import Link from "next/link";
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
  const [name, setName] = useState("");
  const action = useAction(save, {
    failure: "The template could not be saved.",
    onSuccess: (_data, input) => toast.success(`Template “${input.name}” saved.`),
  });
  return (
    <div className="flex flex-wrap items-end gap-2 rounded-md border border-dashed border-slate-300 p-3" data-testid="save-template">
      <label className="flex-1 space-y-1 text-xs text-slate-600">
        Template name
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Ring the QA phones" />
      </label>
      <Button type="button" variant="secondary" disabled={action.pending || !name.trim()} onClick={() => action.run({ name, ...read() })}>
        <Save className="size-4" aria-hidden /> Save as template
      </Button>
      {current ? (
        <Button
          type="button"
          variant="secondary"
          disabled={action.pending}
          onClick={() => action.run({ id: current.id, name: current.name, ...read() })}
        >
          Update “{current.name}”
        </Button>
      ) : null}
      {action.error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {action.error}
        </p>
      ) : null}
      {action.succeeded && action.data ? (
        <p className="w-full text-sm text-slate-700" role="status">
          Saved.{" "}
          <Link className="text-brand-600 hover:underline" href="/calls/templates">
            All templates →
          </Link>
        </p>
      ) : null}
    </div>
  );
}
