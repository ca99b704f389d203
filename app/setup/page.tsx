import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SetupForm } from "@/components/auth/setup-form";
import { getLocalize } from "@/lib/i18n/server";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/passwords";
import { checkUserToken } from "@/lib/auth/service";
import { completeSetupAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.setup");
  return { title: t("title") };
}

/** Public page (PAGE_ACCESS "/setup"), but it does nothing without a valid one-time link. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const check = typeof token === "string" && token ? await checkUserToken(await getDb(), token) : null;
  const t = await getTranslations("auth.setup");
  const localize = await getLocalize();
  return (
    <div className="mx-auto max-w-sm space-y-6 pt-10">
      <h1 className="text-center text-2xl font-semibold text-slate-900">{check?.ok ? t(`heading.${check.purpose}`) : t("title")}</h1>
      <Card>
        {check?.ok ? (
          <SetupForm action={completeSetupAction} token={token ?? ""} email={check.user?.email ?? null} minLength={PASSWORD_MIN_LENGTH} />
        ) : (
          <div className="space-y-3 text-sm text-slate-700">
            <p role="alert">{check ? localize(check.message) : t("needsLink")}</p>
            <Link href="/login" className="text-brand-600 hover:underline">
              {t("signIn")}
            </Link>
          </div>
        )}
      </Card>
    </div>
  );
}
