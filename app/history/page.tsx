import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { HistoryList } from "@/components/history/history-list";
import { guardPage } from "@/lib/auth/guards";
import { listProfiles } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { listUsers } from "@/lib/db/users";
import { COMMAND_LIST } from "@/lib/tencent/commands";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("title") };
}

export default async function HistoryPage() {
  await guardPage("/history");
  const t = await getTranslations("history");
  const db = await readyDb();
  const [profiles, operators] = await Promise.all([listProfiles(db), listUsers(db)]);
  const options = {
    profiles: profiles.map((p) => ({ id: p.id, name: p.name })),
    operators: operators.filter((u) => u.role !== "viewer").map((u) => ({ id: u.id, email: u.email })),
    commands: COMMAND_LIST,
  };
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </header>
      <Suspense>
        <HistoryList options={options} />
      </Suspense>
    </div>
  );
}
