"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Explanation } from "@/components/outcome/explanation";
import { OutcomeBadge } from "@/components/outcome/outcome-badge";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { ActionResult } from "@/lib/forms/action-result";
import type { AttemptView } from "@/lib/forms/attempt-view";

type Act<T> = (input: unknown) => Promise<ActionResult<T>>;

export function TestConnection({ id, action }: { id: string; action: Act<AttemptView> }) {
  const [pending, startTransition] = useTransition();
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await action({ id });
            if (result.ok) {
              setAttempt(result.data);
              setError(null);
            } else setError(result.formError ?? "The test could not run.");
          })
        }
      >
        {pending ? "Testing…" : "Test connection"}
      </Button>
      <p className="text-xs text-slate-500">Sends call_record_http_srv/get_record_by_filter with {"{}"}: it reads, it rings nobody.</p>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {attempt ? (
        <div data-testid="connection-result" className="space-y-2">
          <p className="flex items-center gap-2 text-sm">
            <OutcomeBadge outcome={attempt.outcome} errorCode={attempt.errorCode} />
            {attempt.outcome === "ok" ? "The app answered: region and key are right." : null}
            <a className="text-brand-600 hover:underline" href={`/history/${attempt.id}`}>
              History entry
            </a>
          </p>
          <Explanation attempt={attempt} />
        </div>
      ) : null}
    </div>
  );
}

export function RotateKey({ id, action }: { id: string; action: Act<{ fingerprint: string }> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<string[] | undefined>();
  return (
    <form
      aria-label="Rotate key"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const secretKey = String(new FormData(form).get("secretKey") ?? "");
        startTransition(async () => {
          const result = await action({ id, secretKey });
          if (!result.ok) {
            setErrors(result.fieldErrors?.secretKey ?? (result.formError ? [result.formError] : undefined));
            return;
          }
          setErrors(undefined);
          form.reset();
          toast.success(`Key rotated: now ${result.data.fingerprint}.`);
          router.refresh();
        });
      }}
    >
      <Field id="rotate-secretKey" label="New SecretKey" hint="Replaces the stored key; the old one is not kept." errors={errors}>
        <Input id="rotate-secretKey" name="secretKey" type="password" autoComplete="off" invalid={!!errors} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Rotating…" : "Rotate key"}
      </Button>
    </form>
  );
}

export function DeleteProfile({ id, name, action }: { id: string; name: string; action: Act<null> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      variant="danger"
      disabled={pending}
      onClick={() => {
        if (!window.confirm(`Delete the profile "${name}"? History keeps its attempts.`)) return;
        startTransition(async () => {
          const result = await action({ id });
          if (!result.ok) {
            toast.error(result.formError ?? "The profile could not be deleted.");
            return;
          }
          toast.success("Profile deleted.");
          router.push("/admin/profiles");
        });
      }}
    >
      {pending ? "Deleting…" : "Delete profile"}
    </Button>
  );
}
