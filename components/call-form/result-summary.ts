import type { StartCallResult } from "@/lib/forms/attempt-view";

// Apart from result-panel.tsx, which the form loads only once a start is sent.
/** One sentence for screen readers, announced by the form's live region when a result arrives. */
export function resultSummary(result: Extract<StartCallResult, { status: "sent" }>): string {
  const { attempt } = result;
  const what =
    attempt.outcome === "ok"
      ? "call started"
      : attempt.outcome === "in-flight" || attempt.outcome === "unknown"
        ? "no answer recorded"
        : `failed (${attempt.outcome})`;
  return `Result: ${what}${attempt.errorCode ? `, ErrorCode ${attempt.errorCode}` : ""}.`;
}
