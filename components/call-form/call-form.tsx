"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Loader2, Phone, Plus, Trash2 } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { useFieldArray, useForm, useWatch, type Path } from "react-hook-form";
import { toast } from "sonner";
import { historyKeys } from "@/components/history/history-query";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import type { ActionResult } from "@/lib/forms/action-result";
import type { StartCallResult } from "@/lib/forms/attempt-view";
import type { ProfileOption } from "@/lib/forms/profile-option";
import { bodyWarnings } from "@/lib/tencent/body-warnings";
import type { StartCallBody } from "@/lib/tencent/schemas/start-call";
import { TIMEOUT_MAX_MS, TIMEOUT_MIN_MS, USER_DATA_MAX_BYTES } from "@/lib/tencent/schemas/start-call";
import { utf8Bytes } from "@/lib/tencent/text";
import { DEFAULT_VALUES, callFormResolver, errorsByField, formToBody, type CallFormValues } from "./form-model";
import { PUSH_ANDROID, PUSH_APNS, PUSH_GENERAL, PUSH_HARMONY, pushKey, type PushFieldSpec } from "./push-fields";
import type { CallActions } from "@/components/history/call-controls";
import { ResultPanel } from "./result-panel";

type StartCall = (input: {
  profileId: string;
  clientToken: string;
  body: unknown;
  confirmDuplicate?: boolean;
}) => Promise<ActionResult<StartCallResult>>;
type Sent = Extract<StartCallResult, { status: "sent" }>;
type Confirm = Extract<StartCallResult, { status: "confirm" }>;

function newToken(): string {
  return crypto.randomUUID();
}

export function CallForm({
  profiles,
  magicAccounts,
  action,
  initialValues,
  replayOf,
  callActions,
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
}) {
  const queryClient = useQueryClient();
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
  const languages = useFieldArray({ control, name: "languages" });
  const values = useWatch({ control }) as CallFormValues;
  const { body } = useMemo(() => formToBody({ ...DEFAULT_VALUES, ...values }), [values]);
  const warnings = useMemo(() => bodyWarnings(body as Partial<StartCallBody>), [body]);
  const profile = profiles.find((p) => p.id === values.profileId);

  // One token per submission: the server sends a token at most once, so a
  // double click or a resubmitted request can never ring the callees twice.
  const token = useRef<string>(newToken());
  const inFlight = useRef(false);
  const [result, setResult] = useState<Sent | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (submitted: CallFormValues, confirmDuplicate = false) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    setConfirm(null);
    try {
      const { body: toSend } = formToBody(submitted);
      const response = await action({ profileId: submitted.profileId, clientToken: token.current, body: toSend, confirmDuplicate });
      if (!response.ok) {
        if (response.fieldErrors) {
          const byField = errorsByField(response.fieldErrors, toSend);
          for (const name of Object.keys(byField)) {
            setError(name as Path<CallFormValues>, { type: "server", message: byField[name]?.join(" · ") });
          }
          if (Object.keys(byField).length > 0) toast.error("The server refused some fields; see the messages in the form.");
        }
        if (response.formError) setFormError(response.formError);
        return;
      }
      if (response.data.status === "confirm") {
        setConfirm(response.data);
        return;
      }
      token.current = newToken();
      setResult(response.data);
      await queryClient.invalidateQueries({ queryKey: historyKeys.all });
      if (response.data.duplicate) toast.info("This submission had already been sent; showing its result.");
      else if (response.data.attempt.outcome === "ok") toast.success("Call started.");
      else toast.error("The request failed; see the explanation.");
    } catch {
      setFormError(
        "The request to the console failed (network or server). It may or may not have been sent: check history before trying again.",
      );
    } finally {
      inFlight.current = false;
    }
  };

  const err = (name: string): string[] | undefined => {
    const message = getFieldState(name as Path<CallFormValues>, formState).error?.message;
    return typeof message === "string" && message !== "" ? message.split(" · ") : undefined;
  };
  const warn = (field: string) => warnings.filter((w) => w.field === field).map((w) => w.message);
  const userDataBytes = utf8Bytes(values.UserData ?? "");
  const rootError = err("root");

  const pushInput = (spec: PushFieldSpec) => {
    const name = `push.${pushKey(spec.path)}` as Path<CallFormValues>;
    const id = `push-${pushKey(spec.path).replace(/:/g, "-")}`;
    const errors = err(name);
    const label = spec.path;
    const props = { id, invalid: !!errors, "aria-describedby": `${id}-hint`, ...register(name) };
    return (
      <Field key={spec.path} id={id} label={label} hint={spec.hint} errors={errors} warnings={warn(`OfflinePushInfo.${spec.path}`)}>
        {spec.kind === "select" ? (
          <Select {...props}>
            {spec.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
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
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
      <form
        onSubmit={(event) => handleSubmit((values) => submit(values))(event)}
        noValidate
        className="space-y-5"
        aria-label="Start a call"
      >
        {replayOf ? (
          <p role="status" className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm text-slate-800">
            Filled from <span className="font-mono">{replayOf}</span>. Nothing is sent until you press Start call; it goes out with a new
            random and the profile&apos;s current UserSig (cached, and renewed after any signature error).
          </p>
        ) : null}
        <Card>
          <CardTitle>App</CardTitle>
          <Field
            id="profileId"
            label="Profile"
            hint={profile ? `SDKAppID ${profile.sdkAppId} · admin ${profile.adminIdentifier} · ${profile.target}` : undefined}
            errors={err("profileId")}
          >
            <Select id="profileId" invalid={!!err("profileId")} {...register("profileId")}>
              {profiles.length === 0 ? <option value="">No profiles</option> : null}
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.sdkAppId})
                </option>
              ))}
            </Select>
          </Field>
        </Card>

        <Card>
          <CardTitle>Call</CardTitle>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id="Robot_Account"
              label="Robot_Account"
              required
              hint="The caller: a robot UserID (no busy check is made on it)."
              errors={err("Robot_Account")}
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
              hint={`Ring time in ms, ${TIMEOUT_MIN_MS}..${TIMEOUT_MAX_MS}.`}
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
              hint="Callee UserIDs, one per line or comma-separated."
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
            <fieldset className="space-y-1">
              <legend className="font-mono text-sm font-medium text-slate-900">
                CallInfo.MediaType <span className="font-sans text-xs font-normal text-slate-500">required</span>
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
              hint={`Delivered to callees with the invitation. ${userDataBytes} / ${USER_DATA_MAX_BYTES} bytes (UTF-8).`}
              errors={err("UserData")}
            >
              <Textarea id="UserData" rows={2} invalid={!!err("UserData")} {...register("UserData")} />
            </Field>
          </div>
        </Card>

        <Card>
          <CardTitle>Room</CardTitle>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id="RoomIdType"
              label="CallInfo.RoomIdType"
              hint="1 numeric, 2 string (not TRTC's 0/1)."
              errors={err("CallInfo.RoomIdType")}
            >
              <Select id="RoomIdType" invalid={!!err("CallInfo.RoomIdType")} {...register("CallInfo.RoomIdType")}>
                <option value="">— let the Call Engine choose —</option>
                <option value="1">1: numeric room ID</option>
                <option value="2">2: string room ID</option>
              </Select>
            </Field>
            <Field
              id="RoomId"
              label="CallInfo.RoomId"
              hint={
                values.CallInfo?.RoomIdType === "2"
                  ? "Up to 64 bytes: letters, digits, space and common symbols."
                  : "1..4294967294, sent as a string."
              }
              errors={err("CallInfo.RoomId")}
            >
              <Input id="RoomId" autoComplete="off" invalid={!!err("CallInfo.RoomId")} {...register("CallInfo.RoomId")} />
            </Field>
          </div>
        </Card>

        <Card>
          <CardTitle>Offline push</CardTitle>
          <p className="-mt-2 mb-4 text-sm text-slate-600">
            <span className="font-mono">OfflinePushInfo</span>: what callees whose app is in the background see. Leave empty for the
            defaults.
          </p>
          <div className="grid gap-4 sm:grid-cols-2">{PUSH_GENERAL.map(pushInput)}</div>
          <details className="mt-5 rounded-md border border-slate-200 p-4">
            <summary className="cursor-pointer text-sm font-medium text-slate-800">
              <span className="font-mono">MultiLanguageContent</span> ({languages.fields.length})
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
                  <Button type="button" variant="ghost" aria-label={`Remove language ${index + 1}`} onClick={() => languages.remove(index)}>
                    <Trash2 className="size-4" aria-hidden />
                  </Button>
                </div>
              ))}
              <Button type="button" variant="secondary" onClick={() => languages.append({ Language: "", Title: "", Desc: "" })}>
                <Plus className="size-4" aria-hidden /> Add a language
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
                  {failing ? <span className="ml-2 text-xs text-red-600">has errors</span> : null}
                </summary>
                <div className="mt-3 grid gap-4 sm:grid-cols-2">{group.fields.map(pushInput)}</div>
              </details>
            );
          })}
        </Card>

        {rootError || formError ? (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {[...(rootError ?? []), ...(formError ? [formError] : [])].map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        ) : null}

        {confirm ? (
          <div
            role="alertdialog"
            aria-label="Same call a moment ago"
            className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm"
          >
            <p className="font-medium text-amber-900">
              The same robot called the same callees with this profile at <LocalTime iso={confirm.previous.createdAt} />, within the last{" "}
              {confirm.windowMinutes} minutes (outcome: {confirm.previous.outcome}
              {confirm.previous.errorCode ? ` ${confirm.previous.errorCode}` : ""}). Nothing was sent. Sending again rings them again.
            </p>
            <p>
              <a className="text-brand-600 hover:underline" href={`/history/${confirm.previous.id}`}>
                The earlier attempt{confirm.previous.requestId ? ` (${confirm.previous.requestId})` : ""}
              </a>
            </p>
            <div className="flex gap-2">
              <Button
                type="button"
                variant="danger"
                disabled={formState.isSubmitting}
                onClick={() => handleSubmit((values) => submit(values, true))()}
              >
                Send anyway
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirm(null)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : null}

        <div className="flex items-center gap-3">
          <Button type="submit" disabled={formState.isSubmitting || profiles.length === 0}>
            {formState.isSubmitting ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <Phone className="size-4" aria-hidden />}
            {formState.isSubmitting ? "Sending…" : "Start call"}
          </Button>
          {formState.isSubmitting ? (
            <span role="status" aria-live="polite" className="text-sm text-slate-600">
              Signing and sending; the button stays locked until the answer arrives.
            </span>
          ) : null}
        </div>
      </form>

      <aside className="space-y-5 lg:sticky lg:top-6 lg:self-start">
        {result ? <ResultPanel key={result.attempt.id} result={result} callActions={callActions} /> : null}
        <Card>
          <CardTitle>Request preview</CardTitle>
          <p className="break-all font-mono text-xs text-slate-600">
            POST {profile?.baseUrl ?? "…"}/v4/call_engine_http_srv/start_call_by_robot?sdkappid={profile?.sdkAppId ?? "…"}&amp;identifier=
            {profile?.adminIdentifier ?? "…"}
            &amp;usersig=&lt;signed on the server&gt;&amp;random=&lt;fresh&gt;&amp;contenttype=json
          </p>
          <pre
            data-testid="body-preview"
            className="mt-3 max-h-[28rem] overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
          >
            {JSON.stringify(body, null, 2)}
          </pre>
          {warnings.length > 0 ? (
            <ul className="mt-3 space-y-1 text-xs text-amber-800" aria-label="Warnings">
              {warnings.map((w) => (
                <li key={`${w.field}:${w.message}`}>⚠ {w.message}</li>
              ))}
            </ul>
          ) : null}
        </Card>
        {profile?.kind === "simulator" ? (
          <Card>
            <CardTitle>Simulator accounts</CardTitle>
            <p className="mb-2 text-sm text-slate-600">Use these as callees to see each kind of failure:</p>
            <ul className="space-y-1 text-sm">
              {magicAccounts.map((m) => (
                <li key={m.name}>
                  <span className="font-mono text-slate-900">{m.name}</span> <span className="text-slate-600">{m.effect}</span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </aside>
    </div>
  );
}
