"use client";

import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";

export function SignOutButton({ action }: { action: Action<Record<string, never>, null> }) {
  const t = useTranslations("header");
  const router = useRouter();
  // Whatever the answer (even an already ended session), the way out is the sign-in page.
  const leave = () => {
    router.replace("/login");
    router.refresh();
  };
  const signOut = useAction(action, { failure: t("signOutFailed"), onSuccess: leave, onRefusal: leave });
  const pending = signOut.pending;
  return (
    <button
      type="button"
      disabled={pending}
      className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
      onClick={() => signOut.run({})}
    >
      <LogOut className="size-4" aria-hidden /> {t("signOut")}
    </button>
  );
}
