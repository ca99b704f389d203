import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  // Public page (PAGE_ACCESS "/login"): a signed-in user goes on.
  const { next } = await searchParams;
  if (await currentUser()) redirect("/");
  return (
    <div className="mx-auto max-w-sm space-y-6 pt-10">
      <h1 className="text-center text-2xl font-semibold text-slate-900">Sign in</h1>
      <Card>
        <LoginForm action={signInAction} next={typeof next === "string" ? next : "/"} />
      </Card>
    </div>
  );
}
