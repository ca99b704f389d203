import type { Outcome } from "@/lib/tencent/outcomes";

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

/** The request of a check that did not answer: the form explains it from the error catalog, in the page's language. */
export interface CalleeCheckProblem {
  command: string;
  /** "unknown": the request was written but its answer was not (the console stopped mid-flight). */
  outcome: Exclude<Outcome, "pending"> | "unknown";
  errorCode: number | null;
}

export interface CalleeCheckView {
  callees: CalleeCheck[];
  /** Why the check could not tell some states (a request failed), or null. */
  problem: CalleeCheckProblem | null;
  /** The history entries of the requests this check sent. */
  historyIds: string[];
}
