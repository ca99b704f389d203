import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RecordsBrowser } from "@/components/records/records-browser";
import { guardPage } from "@/lib/auth/guards";
import { listProfiles } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { browseRecordsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("records");
  return { title: t("title") };
}

export default async function RecordsPage() {
  await guardPage("/calls/records");
  const t = await getTranslations("records");
  const profiles = (await listProfiles(await readyDb())).map((p) => ({ id: p.id, name: p.name }));
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t.rich("intro", { code: (chunks) => <span className="font-mono">{chunks}</span> })}</p>
      </header>
      <RecordsBrowser profiles={profiles} action={browseRecordsAction} />
    </div>
  );
}
