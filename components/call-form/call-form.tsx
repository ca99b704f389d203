"use client";

import { Loader2, Phone } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useMemo, useRef, type ReactNode } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { ProfileOption } from "@/lib/forms/profile-option";
import { bodyWarnings } from "@/lib/tencent/body-warnings";
import type { StartCallBody } from "@/lib/tencent/schemas/start-call";
import { TIMEOUT_MAX_MS, TIMEOUT_MIN_MS, USER_DATA_MAX_BYTES } from "@/lib/tencent/schemas/limits";
import { splitUserIds, utf8Bytes } from "@/lib/tencent/text";
import type { CallActions } from "@/components/calls/call-panel";
import { useLocalize } from "@/components/i18n/localize";
import { CalleeCheckList, type CheckCallees } from "./callee-check";
import { DEFAULT_VALUES, callFormResolver, formToBody, type CallFormValues } from "./form-model";
import { PushSection } from "./push-section";
import { SaveTemplateBar, type SaveTemplate } from "@/components/templates/save-template";
import { RequestPreview, SimulatorAccounts } from "./request-preview";
import { ResultPanel } from "./lazy-result-panel";
import { resultSummary } from "./result-summary";
import { rememberRobot, useRememberedRobot } from "./remembered-robot";
import { useStartCall, type StartCall } from "./use-start-call";

/** Shown only when a start is refused as a repeat: loaded then, not with the page. */
const DuplicateConfirmation = lazy(() => import("./duplicate-confirmation"));

/** A CallInfo field's API path, its label in every language. */
const callInfo = (field: keyof CallFormValues["CallInfo"]) => `CallInfo.${field}`;

export function CallForm({
  profiles,
  magicAccounts,
  action,
  initialValues,
  replayOf,
  callActions,
  checkCallees,
  canStart = true,
  templates,
}: {
  profiles: ProfileOption[];
  magicAccounts: { name: string; effect: string }[];
  action: StartCall;
  /** Values to start from, e.g. a history entry being replayed. */
  initialValues?: Partial<CallFormValues>;
  /** The RequestId (or history id) of the entry being replayed. */
  replayOf?: string;
  /** End call, live status and record for the call just started. */
  callActions?: CallActions;
  /** Checks callees as they are typed (imported? online?); never blocks a start. */
  checkCallees?: CheckCallees;
  /** False for roles that may fill the form but not start calls. */
  canStart?: boolean;
  /** Saving the form as a template (operators), and the template it was filled from. */
  templates?: { save: SaveTemplate; current?: { id: string; name: string } };
}) {
  const t = useTranslations("callForm.form");
  const tUi = useTranslations("ui.field");
  const tResult = useTranslations("callForm");
  const localize = useLocalize();
  const mono = (chunks: ReactNode) => <span className="font-mono">{chunks}</span>;
  const form = useForm<CallFormValues>({
    defaultValues: {
      ...DEFAULT_VALUES,
      ...initialValues,
      profileId:
        initialValues?.profileId && profiles.some((p) => p.id === initialValues.profileId)
          ? initialValues.profileId
          : (profiles[0]?.id ?? ""),
    },
    resolver: callFormResolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { register, handleSubmit, control, formState, setError, getFieldState } = form;
  const values = useWatch({ control }) as CallFormValues;
  const { body } = useMemo(() => formToBody({ ...DEFAULT_VALUES, ...values }), [values]);
  const warnings = useMemo(() => bodyWarnings(body as Partial<StartCallBody>), [body]);
  const profile = profiles.find((p) => p.id === values.profileId);

  const { submit, result, confirm, dismissConfirm, formError } = useStartCall(action, setError, rememberRobot);
  useRememberedRobot(form, values.profileId, !initialValues?.Robot_Account);

  const addCallee = (name: string) => {
    const current = form.getValues("CalleeList_Account").trim();
    const list = current ? current.split(/[\s,]+/) : [];
    if (!list.includes(name)) form.setValue("CalleeList_Account", [...list, name].join("\n"), { shouldDirty: true });
  };

  const err = (name: string): string[] | undefined => {
    const message = getFieldState(name as Path<CallFormValues>, formState).error?.message;
    if (typeof message !== "string" || message === "") return undefined;
    // A callee's error names the callee (form-model.ts): the name stays, the rule is translated.
    return message.split(" · ").map((m) => {
      const callee = /^callee "(.*?)" ([\s\S]+)$/.exec(m);
      return callee ? t("calleeError", { callee: callee[1] ?? "", rule: localize(callee[2] ?? "") }) : localize(m);
    });
  };
  const warn = (field: string) => warnings.filter((w) => w.field === field).map((w) => w.message);
  const userDataBytes = utf8Bytes(values.UserData ?? "");
  const rootError = err("root");
  // Marks the form as live: a submit before hydration would reach no handler (tests and scripts wait for this).
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.setAttribute("data-hydrated", ""), []);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
      <form
        ref={formRef}
        onSubmit={(event) => handleSubmit((values) => submit(values))(event)}
        // Ctrl/Cmd+Enter in any field starts the call (components/ui/shortcuts.tsx).
        data-submit-shortcut
        aria-keyshortcuts="Control+Enter Meta+Enter"
        noValidate
        className="space-y-5"
        aria-label={t("label")}
      >
        {replayOf ? (
          <p role="status" className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm text-slate-800">
            {t.rich("filledFrom", { mono, source: replayOf })}
          </p>
        ) : null}
        <Card>
          <CardTitle>{t("app")}</CardTitle>
          <Field
            id="profileId"
            label={t("profile")}
            hint={
              profile
                ? t("profileHint", { sdkAppId: profile.sdkAppId, admin: profile.adminIdentifier, target: localize(profile.target) })
                : undefined
            }
            errors={err("profileId")}
          >
            <Select id="profileId" invalid={!!err("profileId")} {...register("profileId")}>
              {profiles.length === 0 ? <option value="">{t("noProfiles")}</option> : null}
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.sdkAppId})
                </option>
              ))}
            </Select>
          </Field>
        </Card>

        <Card>
          <CardTitle>{t("call")}</CardTitle>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id="Robot_Account"
              label="Robot_Account"
              required
              hint={t("robotHint")}
              errors={err("Robot_Account")}
              warnings={warn("Robot_Account")}
            >
              <Input
                id="Robot_Account"
                autoComplete="off"
                spellCheck={false}
                aria-required="true"
                invalid={!!err("Robot_Account")}
                {...register("Robot_Account")}
              />
            </Field>
            <Field
              id="Timeout"
              label="Timeout"
              required
              hint={t("timeoutHint", { min: String(TIMEOUT_MIN_MS), max: String(TIMEOUT_MAX_MS) })}
              errors={err("Timeout")}
            >
              <Input id="Timeout" inputMode="numeric" aria-required="true" invalid={!!err("Timeout")} {...register("Timeout")} />
            </Field>
          </div>
          <div className="mt-4 space-y-4">
            <Field
              id="CalleeList_Account"
              label="CalleeList_Account"
              required
              hint={t("calleesHint")}
              errors={err("CalleeList_Account")}
              warnings={warn("CalleeList_Account")}
            >
              <Textarea
                id="CalleeList_Account"
                rows={3}
                spellCheck={false}
                aria-required="true"
                invalid={!!err("CalleeList_Account")}
                {...register("CalleeList_Account")}
              />
            </Field>
            {checkCallees ? (
              <CalleeCheckList action={checkCallees} profileId={values.profileId} callees={splitUserIds(values.CalleeList_Account ?? "")} />
            ) : null}
            <fieldset className="space-y-1">
              <legend className="font-mono text-sm font-medium text-slate-900">
                {callInfo("MediaType")} <span className="font-sans text-xs font-normal text-slate-500">{tUi("required")}</span>
              </legend>
              <div className="flex gap-4 text-sm">
                {(["Video", "Audio"] as const).map((media) => (
                  <label key={media} className="flex items-center gap-2">
                    <input type="radio" value={media} {...register("CallInfo.MediaType")} />
                    {media}
                  </label>
                ))}
              </div>
            </fieldset>
            <Field
              id="UserData"
              label="UserData"
              hint={t("userDataHint", { bytes: String(userDataBytes), max: String(USER_DATA_MAX_BYTES) })}
              errors={err("UserData")}
            >
              <Textarea id="UserData" rows={2} invalid={!!err("UserData")} {...register("UserData")} />
            </Field>
          </div>
        </Card>

        <Card>
          <CardTitle>{t("room")}</CardTitle>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id="RoomIdType"
              label={callInfo("RoomIdType")}
              hint={t("roomIdTypeHint")}
              errors={err("CallInfo.RoomIdType")}
              warnings={warn("CallInfo.RoomIdType")}
            >
              <Select id="RoomIdType" invalid={!!err("CallInfo.RoomIdType")} {...register("CallInfo.RoomIdType")}>
                <option value="">{t("roomIdTypeAuto")}</option>
                <option value="1">{t("roomIdTypeNumeric")}</option>
                <option value="2">{t("roomIdTypeString")}</option>
              </Select>
            </Field>
            <Field
              id="RoomId"
              label={callInfo("RoomId")}
              hint={values.CallInfo?.RoomIdType === "2" ? t("roomIdStringHint") : t("roomIdNumericHint")}
              errors={err("CallInfo.RoomId")}
            >
              <Input id="RoomId" autoComplete="off" invalid={!!err("CallInfo.RoomId")} {...register("CallInfo.RoomId")} />
            </Field>
          </div>
        </Card>

        <PushSection form={form} messages={{ err, warn }} />

        {rootError || formError ? (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {[...(rootError ?? []), ...(formError ? [formError] : [])].map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        ) : null}

        {confirm ? (
          <Suspense fallback={null}>
            <DuplicateConfirmation
              confirm={confirm}
              busy={formState.isSubmitting}
              onSend={() => void handleSubmit((values) => submit(values, true))()}
              onCancel={dismissConfirm}
            />
          </Suspense>
        ) : null}

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={!canStart || formState.isSubmitting || profiles.length === 0}>
            {formState.isSubmitting ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <Phone className="size-4" aria-hidden />}
            {formState.isSubmitting ? t("sending") : t("start")}
          </Button>
          {formState.isSubmitting ? (
            <span role="status" aria-live="polite" className="text-sm text-slate-600">
              {t("sendingNote")}
            </span>
          ) : null}
        </div>
        {templates ? (
          <SaveTemplateBar
            save={templates.save}
            current={templates.current}
            read={() => ({ profileId: form.getValues("profileId"), body: formToBody(form.getValues()).body })}
          />
        ) : null}
      </form>

      <aside
        className="space-y-5 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
        data-testid="result-column"
      >
        <p role="status" aria-live="polite" className="sr-only" data-testid="result-announcement">
          {result ? resultSummary(result, tResult) : ""}
        </p>
        {result ? <ResultPanel key={result.attempt.id} result={result} callActions={callActions} /> : null}
        <RequestPreview profile={profile} body={body} warnings={warnings} />
        {profile?.kind === "simulator" ? <SimulatorAccounts accounts={magicAccounts} onAdd={addCallee} /> : null}
      </aside>
    </div>
  );
}
