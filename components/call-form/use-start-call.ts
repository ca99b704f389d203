"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { Path, UseFormSetError } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { historyKeys } from "@/components/history/history-keys";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";
import type { StartCallResult } from "@/lib/forms/attempt-view";
import { errorsByField, formToBody, type CallFormValues } from "./form-model";
import { loadResultPanel } from "./lazy-result-panel";

export type StartCallInput = {
  profileId: string;
  clientToken: string;
  /** Checked on the server against the API's schema (the form checked it already). */
  body: unknown;
  confirmDuplicate?: boolean;
};
export type StartCall = Action<StartCallInput, StartCallResult>;
export type Sent = Extract<StartCallResult, { status: "sent" }>;
export type Confirm = Extract<StartCallResult, { status: "confirm" }>;

/**
 * Sends the form: one token per submission (the server sends a token at most
 * once, so a double click or a resubmitted request never rings twice), the
 * server's field errors put back on the form's fields, the duplicate warning
 * kept until answered, and history refreshed after a send.
 */
export function useStartCall(
  action: StartCall,
  setError: UseFormSetError<CallFormValues>,
  /** Told of each start that was sent, with the profile and robot it used. */
  onSent?: (profileId: string, robot: string) => void,
) {
  const t = useTranslations("callForm.send");
  const queryClient = useQueryClient();
  const token = useRef<string>(crypto.randomUUID());
  const inFlight = useRef(false);
  const [result, setResult] = useState<Sent | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const start = useAction(action, {
    failure: t("failure"),
    onRefusal: (message, refusal) => {
      if (!refusal) return setFormError(t("unreachable"));
      if (refusal.fieldErrors) {
        const byField = errorsByField(refusal.fieldErrors, start.variables?.body);
        for (const name of Object.keys(byField)) {
          setError(name as Path<CallFormValues>, { type: "server", message: byField[name]?.join(" · ") });
        }
        if (Object.keys(byField).length > 0) toast.error(t("fieldsRefused"));
      }
      if (refusal.formError) setFormError(message);
    },
    onSuccess: (data, input) => {
      if (data.status === "confirm") return setConfirm(data);
      if (data.attempt.robotAccount) onSent?.(input.profileId, data.attempt.robotAccount);
      token.current = crypto.randomUUID();
      setResult(data);
      void queryClient.invalidateQueries({ queryKey: historyKeys.all });
      if (data.duplicate) toast.info(t("alreadySent"));
      else if (data.attempt.outcome === "ok") toast.success(t("started"));
      else toast.error(t("failed"));
    },
  });

  const submit = async (values: CallFormValues, confirmDuplicate = false) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    setConfirm(null);
    void loadResultPanel(); // while the start is in flight
    try {
      const { body } = formToBody(values);
      await start.runAsync({ profileId: values.profileId, clientToken: token.current, body, confirmDuplicate });
    } catch {
      // Shown through onRefusal.
    } finally {
      inFlight.current = false;
    }
  };

  return { submit, result, confirm, dismissConfirm: () => setConfirm(null), formError };
}
