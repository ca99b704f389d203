"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Explanation } from "@/components/outcome/explanation";
import { OutcomeBadge } from "@/components/outcome/outcome-badge";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";
import type { AttemptView } from "@/lib/forms/attempt-view";

export function TestConnection({ id, action }: { id: string; action: Action<{ id: string }, AttemptView> }) {
  const t = useTranslations("admin.tools");
  const test = useAction(action, { failure: t("testFailure") });
  const { pending, error } = test;
  const attempt = test.data ?? null;
  return (
    <div className="space-y-3">
      <Button type="button" variant="secondary" disabled={pending} onClick={() => test.run({ id })}>
        {pending ? t("testing") : t("test")}
      </Button>
      <p className="text-xs text-slate-500">{t("testNote")}</p>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {attempt ? (
        <div data-testid="connection-result" className="space-y-2">
          <p className="flex items-center gap-2 text-sm">
            <OutcomeBadge outcome={attempt.outcome} errorCode={attempt.errorCode} />
            {attempt.outcome === "ok" ? t("answered") : null}
            <a className="text-brand-600 hover:underline" href={`/history/${attempt.id}`}>
              {t("historyEntry")}
            </a>
          </p>
          <Explanation attempt={attempt} />
        </div>
      ) : null}
    </div>
  );
}

export function RotateKey({ id, action }: { id: string; action: Action<{ id: string; secretKey: string }, { fingerprint: string }> }) {
  const t = useTranslations("admin.tools");
  const router = useRouter();
  const rotate = useAction(action, {
    failure: t("rotateFailure"),
    onSuccess: (data) => {
      toast.success(t("rotated", { fingerprint: data.fingerprint }));
      router.refresh();
    },
  });
  const pending = rotate.pending;
  const errors = rotate.fieldErrors.secretKey ?? (rotate.error ? [rotate.error] : undefined);
  return (
    <form
      aria-label={t("rotateLabel")}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const secretKey = String(new FormData(form).get("secretKey") ?? "");
        rotate.run({ id, secretKey }, { onSuccess: () => form.reset() });
      }}
    >
      <Field id="rotate-secretKey" label={t("newKey")} hint={t("newKeyHint")} errors={errors}>
        <Input id="rotate-secretKey" name="secretKey" type="password" autoComplete="off" invalid={!!errors} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("rotating") : t("rotate")}
      </Button>
    </form>
  );
}

export function DeleteProfile({ id, name, action }: { id: string; name: string; action: Action<{ id: string }, null> }) {
  const t = useTranslations("admin.tools");
  const router = useRouter();
  const remove = useAction(action, {
    failure: t("deleteFailure"),
    onRefusal: (message) => toast.error(message),
    onSuccess: () => {
      toast.success(t("deleted"));
      router.push("/admin/profiles");
    },
  });
  const pending = remove.pending;
  return (
    <Button
      type="button"
      variant="danger"
      disabled={pending}
      onClick={() => {
        if (!window.confirm(t("deleteConfirm", { name }))) return;
        remove.run({ id });
      }}
    >
      {pending ? t("deleting") : t("delete")}
    </Button>
  );
}
