"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { ActionResult, FieldErrors } from "@/lib/forms/action-result";

type Complete = (input: unknown) => Promise<ActionResult<null>>;

/** Chooses the password for a one-time link: the first admin (with an email), an invitation, or a reset. */
export function SetupForm({ action, token, email }: { action: Complete; token: string; email: string | null }) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <form
      aria-label="Set password"
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
            setErrors(result.fieldErrors ?? {});
            setFormError(result.formError ?? null);
          }
        });
      }}
    >
      {email === null ? (
        <Field id="email" label="Email" errors={errors.email}>
          <Input id="email" name="email" type="email" autoComplete="username" required invalid={!!errors.email} />
        </Field>
      ) : (
        <p className="text-sm text-slate-700">
          Account: <span className="font-medium">{email}</span>
        </p>
      )}
      <Field id="password" label="Password" hint="At least 12 characters; a passphrase is best." errors={errors.password}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required invalid={!!errors.password} />
      </Field>
      <Field id="confirm" label="Confirm password" errors={errors.confirm}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required invalid={!!errors.confirm} />
      </Field>
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Save and sign in"}
      </Button>
    </form>
  );
}
