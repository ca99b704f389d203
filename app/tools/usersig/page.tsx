import { getTranslations } from "next-intl/server";
import { UserSigGenerator, UserSigInspector } from "@/components/tools/usersig-inspector";
import { guardPage } from "@/lib/auth/guards";
import { listProfiles } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { can } from "@/lib/auth/access";
import { generateUserSigAction, inspectUserSigAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("usersig");
  return { title: t("title") };
}

export default async function UserSigPage() {
  const user = await guardPage("/tools/usersig");
  const t = await getTranslations("usersig");
  const profiles = (await listProfiles(await readyDb())).map((p) => ({
    id: p.id,
    name: p.name,
    sdkAppId: p.sdk_app_id,
    adminIdentifier: p.admin_identifier,
  }));
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </header>
      <UserSigInspector profiles={profiles} action={inspectUserSigAction} />
      {can(user.role, "usersig.generate") ? <UserSigGenerator profiles={profiles} action={generateUserSigAction} /> : null}
    </div>
  );
}
