import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { CallsList } from "@/components/calls/calls-list";
import { guardPage } from "@/lib/auth/guards";
import { listProfiles } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";

export async function generateMetadata() {
  const t = await getTranslations("calls");
  return { title: t("title") };
}

export default async function CallsPage() {
  await guardPage("/calls");
  const t = await getTranslations("calls");
  const profiles = await listProfiles(await readyDb());
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </header>
      <Suspense>
        <CallsList profiles={profiles.map((p) => ({ id: p.id, name: p.name }))} />
      </Suspense>
    </div>
  );
}
