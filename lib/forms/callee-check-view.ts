/** What a callee check returns to the call form. Client-safe. */

/**
 * not-imported: account_check says NotImported (or query_online_status 70107);
 * offline: imported, its app is not connected (a push only); push-online: the
 * app is in the background (a push); online: connected; unknown: the check
 * could not tell (see `problem`).
 */
export type CalleeState = "not-imported" | "offline" | "push-online" | "online" | "unknown";

export interface CalleeCheck {
  userId: string;
  state: CalleeState;
}

export interface CalleeCheckView {
  callees: CalleeCheck[];
  /** Why the check could not tell some states (a request failed), or null. */
  problem: string | null;
  /** The history entries of the requests this check sent. */
  historyIds: string[];
}

/** What each state means for a call, as the form shows it beside the callee. */
export const CALLEE_STATE_TEXT: Readonly<Record<CalleeState, string>> = {
  "not-imported": "not imported: a start answers 70107. Fix: import it (im_open_login_svc/account_import).",
  offline: "offline: it will get a push only.",
  "push-online": "in the background: it will get a push.",
  online: "online.",
  unknown: "not checked.",
};
