import type { CalleeResult, Outcome } from "@/lib/tencent/outcomes";

/** What the browser is shown of one attempt: no secret, no raw profile row. */
export interface AttemptView {
  id: string;
  command: string;
  profileName: string;
  outcome: Outcome;
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
