/**
 * What a simulated command answers, and how it becomes the documented HTTP
 * envelope: always HTTP 200 with ActionStatus, ErrorCode, ErrorInfo and a
 * RequestId like `Id-<32 hex>-O-Seq-<n>` (magic accounts may answer otherwise).
 */
import { randomBytes } from "node:crypto";

export type Answer =
  /** `fields`: answered beside the envelope (the Chat commands), not inside `Response`. */
  | { kind: "ok"; response?: unknown; fields?: Record<string, unknown> }
  | { kind: "fail"; code: number; info: string }
  /** An answer that is not the envelope (a gateway page, a garbled body). */
  | { kind: "raw"; response: Response };

export const ok = (response?: unknown): Answer => ({ kind: "ok", response });
/** A Chat command's answer: its fields beside ActionStatus, ErrorCode and ErrorInfo. */
export const okBeside = (fields: Record<string, unknown>): Answer => ({ kind: "ok", fields });
export const fail = (code: number, info: string): Answer => ({ kind: "fail", code, info });

export class Envelopes {
  private seq = 0;

  private requestId(): string {
    this.seq += 1;
    return `Id-${randomBytes(16).toString("hex")}-O-Seq-${this.seq}`;
  }

  toResponse(answer: Answer): Response {
    if (answer.kind === "raw") return answer.response;
    const body =
      answer.kind === "ok"
        ? {
            ActionStatus: "OK",
            ErrorCode: 0,
            ErrorInfo: "",
            RequestId: this.requestId(),
            ...answer.fields,
            ...(answer.response === undefined ? {} : { Response: answer.response }),
          }
        : { ActionStatus: "FAIL", ErrorCode: answer.code, ErrorInfo: answer.info, RequestId: this.requestId() };
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json; charset=utf-8" } });
  }
}
