"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";
import type { ProfileFields } from "@/lib/forms/profile-schema";
import { REGIONS } from "@/lib/tencent/regions";

/** Create takes the fields and the key; edit takes the profile's id and the fields. */
type Save =
  | { mode: "create"; action: Action<{ fields: ProfileFields; secretKey: string }, unknown> }
  | { mode: "edit"; id: string; action: Action<{ id: string; fields: ProfileFields }, unknown> };

function save(target: Save, fields: ProfileFields, secretKey: string) {
  return target.mode === "create" ? target.action({ fields, secretKey }) : target.action({ id: target.id, fields });
}

/** Creates a profile (with its SecretKey) or edits one (the key is changed by rotation only). */
export function ProfileEditor({ target, initial }: { target: Save; initial?: ProfileFields }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const { mode } = target;
  const submit = useAction((input: { fields: ProfileFields; secretKey: string }) => save(target, input.fields, input.secretKey), {
    failure: t("editor.failure"),
    onSuccess: () => {
      toast.success(mode === "create" ? t("editor.created") : t("editor.saved"));
      router.refresh();
    },
  });
  const { pending, fieldErrors: errors, formError } = submit;
  const [destination, setDestination] = useState<"region" | "baseUrl">(initial?.destination ?? "region");
  const err = (name: string) => errors[`fields.${name}`] ?? errors[name];

  return (
    <form
      aria-label={mode === "create" ? t("editor.createLabel") : t("editor.editLabel")}
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const text = (name: string) => String(data.get(name) ?? "");
        const fields = {
          name: text("name"),
          sdkAppId: text("sdkAppId"),
          adminIdentifier: text("adminIdentifier"),
          destination,
          region: text("region"),
          useBackup: data.get("useBackup") === "on",
          baseUrl: text("baseUrl"),
        };
        submit.run({ fields, secretKey: text("secretKey") }, { onSuccess: () => (mode === "create" ? form.reset() : undefined) });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${mode}-name`} label={t("editor.name")} errors={err("name")}>
          <Input id={`${mode}-name`} name="name" defaultValue={initial?.name} invalid={!!err("name")} />
        </Field>
        <Field id={`${mode}-sdkAppId`} label="SDKAppID" errors={err("sdkAppId")}>
          <Input
            id={`${mode}-sdkAppId`}
            name="sdkAppId"
            inputMode="numeric"
            defaultValue={initial?.sdkAppId as string | undefined}
            invalid={!!err("sdkAppId")}
          />
        </Field>
        <Field
          id={`${mode}-adminIdentifier`}
          label={t("editor.identifier")}
          hint={t("editor.identifierHint")}
          errors={err("adminIdentifier")}
        >
          <Input
            id={`${mode}-adminIdentifier`}
            name="adminIdentifier"
            defaultValue={initial?.adminIdentifier ?? "administrator"}
            invalid={!!err("adminIdentifier")}
          />
        </Field>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-900">{t("editor.destination")}</legend>
          <div className="flex gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="destinationKind" checked={destination === "region"} onChange={() => setDestination("region")} />{" "}
              {t("editor.regionKind")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="destinationKind" checked={destination === "baseUrl"} onChange={() => setDestination("baseUrl")} />{" "}
              {t("editor.baseUrlKind")}
            </label>
          </div>
        </fieldset>
        {destination === "region" ? (
          <Field id={`${mode}-region`} label={t("editor.region")} hint={t("editor.regionHint")} errors={err("region")}>
            <Select id={`${mode}-region`} name="region" defaultValue={initial?.region ?? "china"} invalid={!!err("region")}>
              {REGIONS.map((r) => (
                <option key={r.id} value={r.id}>
                  {t("editor.regionOption", { name: t(`regions.${r.id}`), domain: r.domain })}
                </option>
              ))}
            </Select>
            <label className="mt-2 flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="useBackup" defaultChecked={initial?.useBackup ?? false} />{" "}
              {t.rich("editor.useBackup", { mono: (c) => <span className="font-mono text-xs">{c}</span> })}
            </label>
          </Field>
        ) : (
          <Field id={`${mode}-baseUrl`} label={t("editor.baseUrl")} hint={t("editor.baseUrlHint")} errors={err("baseUrl")}>
            <Input
              id={`${mode}-baseUrl`}
              name="baseUrl"
              defaultValue={initial?.baseUrl}
              placeholder="https://"
              invalid={!!err("baseUrl")}
            />
          </Field>
        )}
        {mode === "create" ? (
          <Field id="create-secretKey" label="SecretKey" hint={t("editor.secretKeyHint")} errors={errors.secretKey}>
            <Input id="create-secretKey" name="secretKey" type="password" autoComplete="off" invalid={!!errors.secretKey} />
          </Field>
        ) : null}
      </div>
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? t("editor.saving") : mode === "create" ? t("editor.create") : t("editor.save")}
      </Button>
    </form>
  );
}
