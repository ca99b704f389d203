import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProfileEditor } from "@/components/admin/profile-editor";
import { profileTarget } from "@/components/admin/profile-target";
import { simulatorBaseUrl } from "@/lib/calls/runtime";
import { DeleteProfile, RotateKey, TestConnection } from "@/components/admin/profile-tools";
import { Card, CardTitle } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guards";
import { getProfileSummary } from "@/lib/db/profiles";
import { readyDb } from "@/lib/calls/ready";
import { toProfileOption } from "@/lib/calls/views";
import { WebhookSettings } from "@/components/admin/webhook-settings";
import { WebhookReceiver } from "@/components/admin/webhook-receiver";
import { webhookReceiver } from "@/lib/calls/webhook-tokens";
import {
  callbackConfigAction,
  deleteProfileAction,
  rotateProfileKeyAction,
  rotateWebhookTokenAction,
  testProfileAction,
  updateProfileAction,
} from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await guardPage("/admin/profiles/[id]");
  const summary = await getProfileSummary(await readyDb(), (await params).id);
  const t = await getTranslations("admin.profile");
  return { title: summary ? t("title", { name: summary.name }) : t("notFound") };
}

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  await guardPage("/admin/profiles/[id]");
  const { id } = await params;
  const db = await readyDb();
  const summary = await getProfileSummary(db, id);
  if (!summary) notFound();
  const receiver = await webhookReceiver(db, id);
  const profile = { ...toProfileOption(summary), target: profileTarget(await getTranslations("admin"), summary, simulatorBaseUrl()) };
  const t = await getTranslations("admin.profile");
  const editable = summary.kind === "custom";
  return (
    <div className="space-y-6">
      <nav className="text-sm">
        <Link href="/admin/profiles" className="text-brand-600 hover:underline">
          {t("back")}
        </Link>
      </nav>
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{profile.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t.rich("summary", {
            sdkAppId: profile.sdkAppId,
            target: profile.target,
            fingerprint: profile.keyFingerprint,
            mono: (c) => <span className="font-mono">{c}</span>,
            fp: (c) => (
              <span className="font-mono" data-testid="key-fingerprint">
                {c}
              </span>
            ),
          })}
        </p>
      </header>
      <Card>
        <CardTitle>{t("connection")}</CardTitle>
        <TestConnection id={id} action={testProfileAction} />
      </Card>
      <Card>
        <CardTitle>{t("webhooks")}</CardTitle>
        <div className="space-y-6">
          <WebhookReceiver profileId={id} {...receiver} rotate={rotateWebhookTokenAction} />
          <WebhookSettings profileId={id} defaultUrl={receiver.url} action={callbackConfigAction} />
        </div>
      </Card>
      {editable ? (
        <>
          <Card>
            <CardTitle>{t("settings")}</CardTitle>
            <ProfileEditor
              target={{ mode: "edit", action: updateProfileAction, id }}
              initial={{
                name: summary.name,
                sdkAppId: String(summary.sdk_app_id),
                adminIdentifier: summary.admin_identifier,
                destination: summary.base_url ? "baseUrl" : "region",
                region: summary.region ?? undefined,
                useBackup: summary.use_backup === 1,
                baseUrl: summary.base_url ?? undefined,
              }}
            />
          </Card>
          <Card>
            <CardTitle>SecretKey</CardTitle>
            <RotateKey id={id} action={rotateProfileKeyAction} />
          </Card>
          <Card>
            <CardTitle>{t("delete")}</CardTitle>
            <DeleteProfile id={id} name={summary.name} action={deleteProfileAction} />
          </Card>
        </>
      ) : (
        <Card>
          <p className="text-sm text-slate-700">{summary.kind === "simulator" ? t("simulator") : t("environment")}</p>
        </Card>
      )}
    </div>
  );
}
