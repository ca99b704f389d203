import type { Metadata } from "next";
import { TemplatesList } from "@/components/templates/templates-list";
import { can } from "@/lib/auth/access";
import { guardPage } from "@/lib/auth/guards";
import { readyDb } from "@/lib/calls/ready";
import { templateViews } from "@/lib/calls/templates";
import { deleteTemplateAction, renameTemplateAction } from "./actions";

export const metadata: Metadata = { title: "Call templates" };

export default async function TemplatesPage() {
  const user = await guardPage("/calls/templates");
  const templates = await templateViews(await readyDb());
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Call templates</h1>
        <p className="mt-1 text-sm text-slate-600">
          Named start_call_by_robot bodies with their profile, shared by the team. Each is checked against today&apos;s rules when it is
          shown and opened.
        </p>
      </header>
      <TemplatesList
        templates={templates}
        actions={can(user.role, "template.manage") ? { rename: renameTemplateAction, remove: deleteTemplateAction } : null}
      />
    </div>
  );
}
