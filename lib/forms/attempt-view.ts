import type { CalleeResult, Outcome } from "@/lib/tencent/outcomes";

/** What the browser is shown of one attempt: no secret, no raw profile row. */
export interface AttemptView {
  id: string;
  command: string;
  profileName: string;
  /**
   * A row still pending in history is shown as "in-flight" while its answer can still come
   * (request timeout plus a margin after it was written), then as "unknown" (see pendingState).
   */
  outcome: Exclude<Outcome, "pending"> | "in-flight" | "unknown";
  httpStatus: number | null;
  errorCode: number | null;
  errorInfo: string | null;
  requestId: string | null;
  callId: string | null;
  callResult: CalleeResult[] | null;
  detail: string | null;
  latencyMs: number | null;
  createdAt: string;
  robotAccount: string | null;
  callees: string[];
  /** The email of who sent it. */
  operator: string | null;
  /** A status read made by watching a call. */
  background: boolean;
}

/** What starting a call returns to the form. */
export type StartCallResult =
  | {
      status: "sent";
      attempt: AttemptView;
      /** This submission had been received already: nothing was sent again. */
      duplicate: boolean;
      /** The outcome could not be written to history; the entry shows it as pending. */
      unrecorded: boolean;
    }
  | {
      /** Nothing was sent: the same call went out a few minutes ago. Send again only when confirmed. */
      status: "confirm";
      previous: AttemptView;
      windowMinutes: number;
    };
