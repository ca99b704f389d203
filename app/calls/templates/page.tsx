import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TemplatesList } from "@/components/templates/templates-list";
import { can } from "@/lib/auth/access";
import { guardPage } from "@/lib/auth/guards";
import { readyDb } from "@/lib/calls/ready";
import { templateViews } from "@/lib/calls/templates";
import { deleteTemplateAction, renameTemplateAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates");
  return { title: t("title") };
}

export default async function TemplatesPage() {
  const user = await guardPage("/calls/templates");
  const t = await getTranslations("templates");
  const templates = await templateViews(await readyDb());
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </header>
      <TemplatesList
        templates={templates}
        actions={can(user.role, "template.manage") ? { rename: renameTemplateAction, remove: deleteTemplateAction } : null}
      />
    </div>
  );
}
