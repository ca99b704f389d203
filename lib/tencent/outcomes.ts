/**
 * The one attempt model: what can become of a request the console sends.
 * History rows, browser views, filters and the error catalog all derive from here.
 */

/** Every outcome an attempt can have, in the order lists show them. */
export const OUTCOMES = ["pending", "ok", "api-error", "http-error", "bad-response", "timeout", "network-error"] as const;

/** An attempt's outcome, including "pending" (written, not yet answered). */
export type Outcome = (typeof OUTCOMES)[number];

/** The outcome of a completed attempt. */
export type OutcomeKind = Exclude<Outcome, "pending">;

/** Outcomes without a documented envelope: the request or its answer went wrong on the way. */
export type TransportOutcome = Exclude<OutcomeKind, "ok" | "api-error">;

/** One callee's result in start_call_by_robot's CallResult. */
export interface CalleeResult {
  Callee_Account: string;
  ResultCode: number;
}
