import type { Metadata } from "next";
import Link from "next/link";
import { ProfileEditor } from "@/components/admin/profile-editor";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guards";
import { listProfiles } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { toProfileOption } from "@/lib/calls/views";
import { createProfileAction } from "./actions";

export const metadata: Metadata = { title: "Profiles" };

const KIND_LABELS = { simulator: "built in", environment: "from environment", custom: "" } as const;

export default async function ProfilesPage() {
  await guardPage("/admin/profiles");
  const profiles = (await listProfiles(await readyDb())).map(toProfileOption);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">App profiles</h1>
        <p className="mt-1 text-sm text-slate-600">Each profile is an SDKAppID, its admin account, its data centre and its SecretKey.</p>
      </header>
      <DataTable
        columns={[
          { label: "Name" },
          { label: "SDKAppID" },
          { label: "identifier", mono: true },
          { label: "Destination" },
          { label: "SecretKey" },
        ]}
      >
        {profiles.map((p) => (
          <tr key={p.id} className="border-t border-slate-100" data-testid="profile-row">
            <td className="px-3 py-2">
              <Link href={`/admin/profiles/${p.id}`} className="font-medium text-brand-600 hover:underline">
                {p.name}
              </Link>{" "}
              {KIND_LABELS[p.kind] ? <span className="text-xs text-slate-500">({KIND_LABELS[p.kind]})</span> : null}
            </td>
            <td className="px-3 py-2 font-mono">{p.sdkAppId}</td>
            <td className="px-3 py-2 font-mono">{p.adminIdentifier}</td>
            <td className="px-3 py-2 text-slate-700">{p.target}</td>
            <td className="px-3 py-2 font-mono">{p.keyFingerprint}</td>
          </tr>
        ))}
      </DataTable>
      <Card>
        <CardTitle>New profile</CardTitle>
        <ProfileEditor target={{ mode: "create", action: createProfileAction }} />
      </Card>
    </div>
  );
}
