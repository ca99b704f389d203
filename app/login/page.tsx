import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";
import { signInAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  // Public page (PAGE_ACCESS "/login"): a signed-in user goes on.
  const { next } = await searchParams;
  if (await currentUser()) redirect("/");
  const t = await getTranslations("auth.login");
  return (
    <div className="mx-auto max-w-sm space-y-6 pt-10">
      <h1 className="text-center text-2xl font-semibold text-slate-900">{t("heading")}</h1>
      <Card>
        <LoginForm action={signInAction} next={typeof next === "string" ? next : "/"} />
      </Card>
    </div>
  );
}
