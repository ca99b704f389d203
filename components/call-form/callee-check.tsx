"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";
import type { CalleeCheckView, CalleeState } from "@/lib/forms/callee-check-view";
import { loadRules } from "./form-model";

const ProblemText = lazy(() => import("./callee-check-problem"));

export type CheckCallees = Action<{ profileId: string; userIds: string[] }, CalleeCheckView>;

/** Quiet time after the last keystroke before a check runs. */
const DEBOUNCE_MS = 700;
/** The server allows one check per second per profile; the form never asks sooner. */
const MIN_SPACING_MS = 1100;
const MAX_CHECKED = 100;
/** How many times a refused check (another check on the profile within the second) is asked again. */
const MAX_RETRIES = 5;

const TONE: Readonly<Record<CalleeState, string>> = {
  "not-imported": "text-red-700",
  offline: "text-amber-800",
  "push-online": "text-amber-800",
  online: "text-emerald-700",
  unknown: "text-slate-500",
};

/**
 * Checks the callees as they are typed (debounced, at most one check per
 * second) and shows each one's state. It never blocks Start call.
 */
export function CalleeCheckList({ action, profileId, callees }: { action: CheckCallees; profileId: string; callees: string[] }) {
  // The server takes one check a second per profile (all operators together): a refused check is
  // asked again a second later, a few times, before the refusal is shown.
  const t = useTranslations("callForm.calleeCheck");
  const [retries, setRetries] = useState(0);
  const check = useAction(action, {
    failure: t("failure"),
    onRefusal: (_message, refusal) => {
      if (refusal?.formError) setRetries((n) => (n < MAX_RETRIES ? n + 1 : n));
    },
  });
  const lastRun = useRef(0);
  const { run } = check;
  // The UserID rule comes with the form's rules, loaded once there is a callee to check.
  const [isUserId, setIsUserId] = useState<((text: string) => boolean) | null>(null);
  const wanted = callees.length > 0;
  useEffect(() => {
    if (!wanted || isUserId) return;
    let live = true;
    loadRules().then(
      (rules) => live && setIsUserId(() => rules.isUserId),
      () => undefined, // not loaded (offline): no check, and starting is not blocked
    );
    return () => {
      live = false;
    };
  }, [wanted, isUserId]);
  const valid = isUserId ? [...new Set(callees.filter((c) => isUserId(c)))].slice(0, MAX_CHECKED) : [];
  // Until the rule has loaded, each callee shows as being checked: its row is there as soon as it is typed,
  // so nothing below it (Start call) moves under the pointer when the rule arrives a moment later.
  const shown = isUserId ? valid : [...new Set(callees)].slice(0, MAX_CHECKED);
  const key = `${profileId}\n${valid.join("\n")}`;
  const [retriedKey, setRetriedKey] = useState(key);
  if (retriedKey !== key) {
    setRetriedKey(key);
    setRetries(0);
  }

  useEffect(() => {
    const [profile, ...userIds] = key.split("\n");
    if (!profile || userIds.length === 0) return;
    const delay = Math.max(DEBOUNCE_MS, lastRun.current + MIN_SPACING_MS - Date.now());
    const timer = setTimeout(() => {
      lastRun.current = Date.now();
      run({ profileId: profile, userIds });
    }, delay);
    return () => clearTimeout(timer);
  }, [key, run, retries]);

  if (shown.length === 0) return null;
  const waiting = check.error !== null && retries < MAX_RETRIES;
  const current = check.variables && `${check.variables.profileId}\n${check.variables.userIds.join("\n")}` === key ? check.data : undefined;
  const byId = new Map(current?.callees.map((c) => [c.userId, c.state]));
  return (
    <div className="space-y-1 text-xs" data-testid="callee-check" aria-live="polite">
      <ul className="space-y-0.5">
        {shown.map((id) => {
          const state = byId.get(id);
          return (
            <li key={id} data-testid="callee-state" data-callee={id} data-state={state ?? "checking"}>
              <span className="font-mono text-slate-900">{id}</span>{" "}
              <span className={state ? TONE[state] : "text-slate-500"}>{state ? t(`states.${state}`) : t("checking")}</span>
            </li>
          );
        })}
      </ul>
      {check.error && !waiting ? (
        <p role="status" className="text-amber-800" data-testid="callee-check-problem">
          {t("failed", { error: check.error })}
        </p>
      ) : current?.problem ? (
        <p role="status" className="text-amber-800" data-testid="callee-check-problem">
          <Suspense fallback={null}>
            <ProblemText problem={current.problem} />
          </Suspense>
        </p>
      ) : null}
    </div>
  );
}
