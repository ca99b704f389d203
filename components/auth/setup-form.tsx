"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useLocalize } from "@/components/i18n/localize";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { localizeRefusal } from "@/components/ui/use-action";
import type { ActionResult, FieldErrors } from "@/lib/forms/action-result";

type Complete = (input: unknown) => Promise<ActionResult<null>>;

/** Chooses the password for a one-time link: the first admin (with an email), an invitation, or a reset. */
export function SetupForm({
  action,
  token,
  email,
  minLength,
}: {
  action: Complete;
  token: string;
  email: string | null;
  /** The shortest password the server takes. */
  minLength: number;
}) {
  const t = useTranslations("auth.setup");
  const localize = useLocalize();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <form
      aria-label={t("formLabel")}
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
        startTransition(async () => {
          const result = await action({
            token,
            email: email === null ? data.email : undefined,
            password: data.password,
            confirm: data.confirm,
          });
          if (!result.ok) {
            // The server writes its reasons in English: shown in the page's language.
            const refusal = localizeRefusal(result, localize);
            setErrors(refusal.fieldErrors ?? {});
            setFormError(refusal.formError ?? null);
          }
        });
      }}
    >
      {email === null ? (
        <Field id="email" label={t("email")} errors={errors.email}>
          <Input id="email" name="email" type="email" autoComplete="username" required invalid={!!errors.email} />
        </Field>
      ) : (
        <p className="text-sm text-slate-700">{t.rich("account", { email, b: (c) => <span className="font-medium">{c}</span> })}</p>
      )}
      <Field id="password" label={t("password")} hint={t("passwordHint", { min: minLength })} errors={errors.password}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required invalid={!!errors.password} />
      </Field>
      <Field id="confirm" label={t("confirm")} errors={errors.confirm}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required invalid={!!errors.confirm} />
      </Field>
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
