import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ProfileEditor } from "@/components/admin/profile-editor";
import { profileTarget } from "@/components/admin/profile-target";
import { simulatorBaseUrl } from "@/lib/calls/runtime";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guards";
import { listProfiles } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { toProfileOption } from "@/lib/calls/views";
import { createProfileAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.profiles");
  return { title: t("title") };
}

export default async function ProfilesPage() {
  await guardPage("/admin/profiles");
  const summaries = await listProfiles(await readyDb());
  const admin = await getTranslations("admin");
  const profiles = summaries.map((summary) => ({ ...toProfileOption(summary), target: profileTarget(admin, summary, simulatorBaseUrl()) }));
  const t = await getTranslations("admin.profiles");
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("heading")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </header>
      <DataTable
        columns={[
          { label: t("name") },
          { label: "SDKAppID" },
          { label: t("identifier"), mono: true },
          { label: t("destination") },
          { label: "SecretKey" },
        ]}
      >
        {profiles.map((p) => (
          <tr key={p.id} className="border-t border-slate-100" data-testid="profile-row">
            <td className="px-3 py-2">
              <Link href={`/admin/profiles/${p.id}`} className="font-medium text-brand-600 hover:underline">
                {p.name}
              </Link>{" "}
              {p.kind === "custom" ? null : <span className="text-xs text-slate-500">{t(`kind.${p.kind}`)}</span>}
            </td>
            <td className="px-3 py-2 font-mono">{p.sdkAppId}</td>
            <td className="px-3 py-2 font-mono">{p.adminIdentifier}</td>
            <td className="px-3 py-2 text-slate-700">{p.target}</td>
            <td className="px-3 py-2 font-mono">{p.keyFingerprint}</td>
          </tr>
        ))}
      </DataTable>
      <Card>
        <CardTitle>{t("newProfile")}</CardTitle>
        <ProfileEditor target={{ mode: "create", action: createProfileAction }} />
      </Card>
    </div>
  );
}
