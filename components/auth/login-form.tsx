"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { ActionResult } from "@/lib/forms/action-result";

type SignIn = (previous: ActionResult<null> | null, formData: FormData) => Promise<ActionResult<null>>;

export function LoginForm({ action, next }: { action: SignIn; next: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" aria-label="Sign in">
      <input type="hidden" name="next" value={next} />
      <Field id="email" label="Email" errors={errors?.email}>
        <Input id="email" name="email" type="email" autoComplete="username" required invalid={!!errors?.email} />
      </Field>
      <Field id="password" label="Password" errors={errors?.password}>
        <Input id="password" name="password" type="password" autoComplete="current-password" required invalid={!!errors?.password} />
      </Field>
      {state && !state.ok && state.formError ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
