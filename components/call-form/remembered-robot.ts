"use client";

import { useEffect } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { CallFormValues } from "./form-model";

/** The last Robot_Account used with each profile, in this browser. */
const key = (profileId: string) => `call-form:robot:${profileId}`;

export function rememberRobot(profileId: string, robot: string): void {
  try {
    if (profileId && robot) window.localStorage.setItem(key(profileId), robot);
  } catch {
    // Storage may be off (private mode): nothing to remember then.
  }
}

function recall(profileId: string): string | null {
  try {
    return window.localStorage.getItem(key(profileId));
  } catch {
    return null;
  }
}

/** When the profile changes (and at first), fills Robot_Account with the last one used with it, unless the form was filled from elsewhere. */
export function useRememberedRobot(form: UseFormReturn<CallFormValues>, profileId: string, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !profileId) return;
    const robot = recall(profileId);
    if (robot) form.setValue("Robot_Account", robot);
  }, [form, profileId, enabled]);
}
