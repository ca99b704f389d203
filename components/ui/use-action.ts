"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useLocalize } from "@/components/i18n/localize";
import type { Localize } from "@/lib/i18n/phrasebook";
import { refusalMessage, type Action, type ActionResult, type FieldErrors } from "@/lib/forms/action-result";

type Refusal = Extract<ActionResult<unknown>, { ok: false }>;

/** A refused action, carried through TanStack Query's error channel. */
export class ActionRefusal extends Error {
  constructor(
    readonly refusal: Refusal,
    fallback: string,
  ) {
    super(refusalMessage(refusal, fallback));
  }
}

/** A refusal in the user's language: the server writes its reasons in English (see lib/i18n/phrasebook.ts). */
export function localizeRefusal(refusal: Refusal, localize: Localize): Refusal {
  return {
    ...refusal,
    ...(refusal.formError ? { formError: localize(refusal.formError) } : {}),
    ...(refusal.fieldErrors
      ? { fieldErrors: Object.fromEntries(Object.entries(refusal.fieldErrors).map(([field, list]) => [field, list.map(localize)])) }
      : {}),
  };
}

export interface UseActionOptions<Input, T> {
  /** What to say when the action gives no reason (or cannot be reached). */
  failure: string;
  onSuccess?: (data: T, input: Input) => void;
  onRefusal?: (message: string, refusal: Refusal | null) => void;
}

/**
 * Runs a server action with TanStack Query's useMutation: pending state, the
 * last data, and a refusal's message and field errors, in one place. A
 * network failure (the server could not be reached) becomes a message too.
 */
export function useAction<Input, T>(action: Action<Input, T>, options: UseActionOptions<Input, T>) {
  const localize = useLocalize();
  const t = useTranslations("common");
  const unreachable = `${options.failure} ${t("unreachable")}`;
  const mutation = useMutation<T, Error, Input>({
    mutationFn: async (input) => {
      const result = await action(input);
      if (!result.ok) throw new ActionRefusal(localizeRefusal(result, localize), options.failure);
      return result.data;
    },
    onSuccess: (data, input) => options.onSuccess?.(data, input),
    onError: (error) => {
      const refusal = error instanceof ActionRefusal ? error.refusal : null;
      options.onRefusal?.(refusal ? error.message : unreachable, refusal);
    },
  });
  const refusal = mutation.error instanceof ActionRefusal ? mutation.error.refusal : null;
  const error = mutation.error ? (refusal ? mutation.error.message : unreachable) : null;
  const fieldErrors: FieldErrors = refusal?.fieldErrors ?? {};
  return {
    run: mutation.mutate,
    runAsync: mutation.mutateAsync,
    pending: mutation.isPending,
    data: mutation.data,
    /** True once the last run succeeded (data may be null for actions that return nothing). */
    succeeded: mutation.isSuccess,
    /** The input of the last run. */
    variables: mutation.variables,
    /** One sentence for the whole refusal, or null. */
    error,
    /** Field errors keyed by the input's field path (e.g. "fields.name"). */
    fieldErrors,
    /** The refusal's own form-level message, when it had one. */
    formError: refusal?.formError ?? null,
    reset: mutation.reset,
  };
}
