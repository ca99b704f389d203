import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProfileEditor } from "@/components/admin/profile-editor";
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
  return { title: summary ? `Profile ${summary.name}` : "Profile not found" };
}

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  await guardPage("/admin/profiles/[id]");
  const { id } = await params;
  const db = await readyDb();
  const summary = await getProfileSummary(db, id);
  if (!summary) notFound();
  const receiver = await webhookReceiver(db, id);
  const profile = toProfileOption(summary);
  const editable = summary.kind === "custom";
  return (
    <div className="space-y-6">
      <nav className="text-sm">
        <Link href="/admin/profiles" className="text-brand-600 hover:underline">
          ← Profiles
        </Link>
      </nav>
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{profile.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          SDKAppID <span className="font-mono">{profile.sdkAppId}</span> · {profile.target} · key{" "}
          <span className="font-mono" data-testid="key-fingerprint">
            {profile.keyFingerprint}
          </span>
        </p>
      </header>
      <Card>
        <CardTitle>Connection</CardTitle>
        <TestConnection id={id} action={testProfileAction} />
      </Card>
      <Card>
        <CardTitle>Webhooks</CardTitle>
        <div className="space-y-6">
          <WebhookReceiver profileId={id} {...receiver} rotate={rotateWebhookTokenAction} />
          <WebhookSettings profileId={id} defaultUrl={receiver.url} action={callbackConfigAction} />
        </div>
      </Card>
      {editable ? (
        <>
          <Card>
            <CardTitle>Settings</CardTitle>
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
            <CardTitle>Delete</CardTitle>
            <DeleteProfile id={id} name={summary.name} action={deleteProfileAction} />
          </Card>
        </>
      ) : (
        <Card>
          <p className="text-sm text-slate-700">
            {summary.kind === "simulator"
              ? "The Simulator profile is built in: it cannot be edited or deleted."
              : "This profile comes from the TENCENT_* environment variables: change them and restart to edit it."}
          </p>
        </Card>
      )}
    </div>
  );
}
