"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useLocalize } from "@/components/i18n/localize";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { localizeRefusal } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/forms/action-result";

type SignIn = (previous: ActionResult<null> | null, formData: FormData) => Promise<ActionResult<null>>;

export function LoginForm({ action, next }: { action: SignIn; next: string }) {
  const t = useTranslations("auth.login");
  const localize = useLocalize();
  const [result, formAction, pending] = useActionState(action, null);
  // The schema's rules come in English: shown in the page's language.
  const state = result && !result.ok ? localizeRefusal(result, localize) : result;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" aria-label={t("submit")}>
      <input type="hidden" name="next" value={next} />
      <Field id="email" label={t("email")} errors={errors?.email}>
        <Input id="email" name="email" type="email" autoComplete="username" required invalid={!!errors?.email} />
      </Field>
      <Field id="password" label={t("password")} errors={errors?.password}>
        <Input id="password" name="password" type="password" autoComplete="current-password" required invalid={!!errors?.password} />
      </Field>
      {state && !state.ok && state.formError ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("signingIn") : t("submit")}
      </Button>
    </form>
  );
}
