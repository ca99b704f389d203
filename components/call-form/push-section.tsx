"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useFieldArray, useWatch, type Path, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { CallFormValues } from "./form-model";
import { PUSH_ANDROID, PUSH_APNS, PUSH_FIELDS, PUSH_GENERAL, PUSH_HARMONY, pushKey, type PushFieldSpec } from "./push-fields";

/** The form's error and warning lookups, by field path. */
export interface FieldMessages {
  err: (name: string) => string[] | undefined;
  warn: (field: string) => string[];
}

/**
 * OfflinePushInfo, folded until opened (its summary says how many fields are
 * set): the general fields, MultiLanguageContent, and one folded group per
 * platform. It opens by itself when one of its fields has an error.
 */
export function PushSection({ form, messages }: { form: UseFormReturn<CallFormValues>; messages: FieldMessages }) {
  const t = useTranslations("callForm.push");
  /** A push field's own message (its hint, a switch's meaning): callForm.push.fields.<path>.<leaf>. */
  const fieldText = (path: string, leaf: "hint" | "off" | "on") => t(`fields.${path}.${leaf}` as Parameters<typeof t>[0]);
  const mono = (chunks: ReactNode) => <span className="font-mono">{chunks}</span>;
  const { register, control } = form;
  const { err, warn } = messages;
  const languages = useFieldArray({ control, name: "languages" });
  const push = useWatch({ control, name: "push" });
  const set = Object.values(push ?? {}).filter((v) => typeof v === "string" && v.trim() !== "").length + languages.fields.length;
  const failing = PUSH_FIELDS.some((f) => err(`push.${pushKey(f.path)}`)) || languages.fields.some((_, i) => err(`languages.${i}.Title`));

  const pushInput = (spec: PushFieldSpec) => {
    const name = `push.${pushKey(spec.path)}` as Path<CallFormValues>;
    const id = `push-${pushKey(spec.path).replace(/:/g, "-")}`;
    const errors = err(name);
    const props = { id, invalid: !!errors, "aria-describedby": `${id}-hint`, ...register(name) };
    return (
      <Field
        key={spec.path}
        id={id}
        label={spec.path}
        hint={fieldText(spec.path, "hint")}
        errors={errors}
        warnings={warn(`OfflinePushInfo.${spec.path}`)}
      >
        {spec.kind === "select" ? (
          <Select {...props}>
            <option value="">{t("notSet")}</option>
            {spec.options?.map((value) => (
              <option key={value} value={value}>
                {spec.flag ? t("flagOption", { value, meaning: fieldText(spec.path, value === "0" ? "off" : "on") }) : value}
              </option>
            ))}
          </Select>
        ) : spec.kind === "textarea" || spec.kind === "json" ? (
          <Textarea rows={2} {...props} />
        ) : (
          <Input inputMode={spec.kind === "int" ? "numeric" : undefined} {...props} />
        )}
      </Field>
    );
  };

  return (
    <Card>
      <details data-testid="push-section" open={failing || undefined}>
        <summary className="cursor-pointer">
          <span className="text-base font-semibold text-slate-900">{t("title")}</span>{" "}
          <span data-testid="push-count" className="text-sm text-slate-600">
            {set === 0 ? t("nothingSet") : t("countSet", { count: set })}
          </span>
        </summary>
        <p className="mt-3 mb-4 text-sm text-slate-600">{t.rich("intro", { mono })}</p>
        <div className="grid gap-4 sm:grid-cols-2">{PUSH_GENERAL.map(pushInput)}</div>
        <details className="mt-5 rounded-md border border-slate-200 p-4">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">
            {t.rich("languages", { mono, count: languages.fields.length })}
          </summary>
          <div className="mt-3 space-y-3">
            {languages.fields.map((row, index) => (
              <div key={row.id} className="grid items-end gap-3 sm:grid-cols-[8rem_1fr_1fr_auto]">
                {(["Language", "Title", "Desc"] as const).map((key) => (
                  <Field
                    key={key}
                    id={`lang-${index}-${key}`}
                    label={`MultiLanguageContent[${index}].${key}`}
                    errors={err(`languages.${index}.${key}`)}
                  >
                    <Input id={`lang-${index}-${key}`} {...register(`languages.${index}.${key}` as const)} />
                  </Field>
                ))}
                <Button
                  type="button"
                  variant="ghost"
                  aria-label={t("removeLanguage", { index: index + 1 })}
                  onClick={() => languages.remove(index)}
                >
                  <Trash2 className="size-4" aria-hidden />
                </Button>
              </div>
            ))}
            <Button type="button" variant="secondary" onClick={() => languages.append({ Language: "", Title: "", Desc: "" })}>
              <Plus className="size-4" aria-hidden /> {t("addLanguage")}
            </Button>
          </div>
        </details>
        {[
          { title: "AndroidInfo", fields: PUSH_ANDROID },
          { title: "ApnsInfo", fields: PUSH_APNS },
          { title: "HarmonyInfo", fields: PUSH_HARMONY },
        ].map((group) => {
          const failing = group.fields.some((f) => err(`push.${pushKey(f.path)}`));
          return (
            <details key={group.title} className="mt-3 rounded-md border border-slate-200 p-4" open={failing || undefined}>
              <summary className="cursor-pointer text-sm font-medium text-slate-800">
                <span className="font-mono">{group.title}</span>
                {failing ? <span className="ml-2 text-xs text-red-600">{t("hasErrors")}</span> : null}
              </summary>
              <div className="mt-3 grid gap-4 sm:grid-cols-2">{group.fields.map(pushInput)}</div>
            </details>
          );
        })}
      </details>
    </Card>
  );
}
