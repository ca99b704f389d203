import type { Metadata } from "next";
import Link from "next/link";
import { SetupForm } from "@/components/auth/setup-form";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { checkUserToken } from "@/lib/auth/service";
import { completeSetupAction } from "./actions";

export const metadata: Metadata = { title: "Set up" };

const TITLES = { setup: "Create the first admin", invite: "Accept your invitation", reset: "Choose a new password" } as const;

/** Public page (PAGE_ACCESS "/setup"), but it does nothing without a valid one-time link. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const check = typeof token === "string" && token ? await checkUserToken(await getDb(), token) : null;
  return (
    <div className="mx-auto max-w-sm space-y-6 pt-10">
      <h1 className="text-center text-2xl font-semibold text-slate-900">{check?.ok ? TITLES[check.purpose] : "Set up"}</h1>
      <Card>
        {check?.ok ? (
          <SetupForm action={completeSetupAction} token={token ?? ""} email={check.user?.email ?? null} />
        ) : (
          <div className="space-y-3 text-sm text-slate-700">
            <p role="alert">
              {check
                ? check.message
                : "This page needs a one-time link: the server prints one at first start, and admins make invitations and reset links."}
            </p>
            <Link href="/login" className="text-brand-600 hover:underline">
              Sign in
            </Link>
          </div>
        )}
      </Card>
    </div>
  );
}
