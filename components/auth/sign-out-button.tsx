"use client";

import { LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { ActionResult } from "@/lib/forms/action-result";

export function SignOutButton({ action }: { action: (input: unknown) => Promise<ActionResult<null>> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
      onClick={() =>
        startTransition(async () => {
          await action({});
          router.replace("/login");
          router.refresh();
        })
      }
    >
      <LogOut className="size-4" aria-hidden /> Sign out
    </button>
  );
}
