import type { Metadata } from "next";
import { UserSigGenerator, UserSigInspector } from "@/components/tools/usersig-inspector";
import { guardPage } from "@/lib/auth/guards";
import { listProfiles } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { can } from "@/lib/auth/access";
import { generateUserSigAction, inspectUserSigAction } from "./actions";

export const metadata: Metadata = { title: "UserSig inspector" };

export default async function UserSigPage() {
  const user = await guardPage("/tools/usersig");
  const profiles = (await listProfiles(await readyDb())).map((p) => ({
    id: p.id,
    name: p.name,
    sdkAppId: p.sdk_app_id,
    adminIdentifier: p.admin_identifier,
  }));
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">UserSig inspector</h1>
        <p className="mt-1 text-sm text-slate-600">
          What a UserSig says (identifier, SDKAppID, issue time, expiry), and why the Call Engine would refuse it: 70001, 70003, 70009,
          70013 or 70014.
        </p>
      </header>
      <UserSigInspector profiles={profiles} action={inspectUserSigAction} />
      {can(user.role, "usersig.generate") ? <UserSigGenerator profiles={profiles} action={generateUserSigAction} /> : null}
    </div>
  );
}
