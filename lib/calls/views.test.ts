import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { HistoryEntry } from "@/lib/db/requests";
import { explainOutcome } from "@/lib/tencent/error-catalog";
import { PENDING_MARGIN_MS, pendingState, toAttemptView } from "./views";

const T = Date.parse("2026-01-01T00:00:00.000Z");
const created = new Date(T).toISOString();
const TIMEOUT = 10_000;

describe("a pending row, read later", () => {
  it.each([
    { after: 0, state: "in-flight" },
    { after: 5_000, state: "in-flight" },
    { after: TIMEOUT, state: "in-flight" },
    { after: TIMEOUT + PENDING_MARGIN_MS, state: "in-flight" },
    { after: TIMEOUT + PENDING_MARGIN_MS + 1, state: "unknown" },
    { after: 86_400_000, state: "unknown" },
    // A reader whose clock is behind the writer's still sees it in flight.
    { after: -2_000, state: "in-flight" },
  ])("$after ms after it was written: $state", ({ after, state }) => {
    expect(pendingState(created, T + after, TIMEOUT)).toBe(state);
  });

  it("is unknown when its time cannot be read", () => {
    expect(pendingState("not a time", T, TIMEOUT)).toBe("unknown");
  });

  it.each([
    { kind: "in-flight", title: /^In flight$/, start: /may already have rung/ },
    { kind: "unknown", title: /^Outcome unknown: the console stopped before the answer came$/, start: /may already have rung/ },
  ] as const)("explains $kind, warning before a start is sent again", ({ kind, title, start }) => {
    const forStart = explainOutcome({ kind, errorCode: null }, "call_engine_http_srv/start_call_by_robot");
    expect(forStart.title).toMatch(title);
    expect(forStart.retryAdvice).toMatch(start);
    expect(explainOutcome({ kind, errorCode: null }, "call_engine_http_srv/get_call_info").retryAdvice).not.toMatch(/rung/);
  });
});

describe("toAttemptView", () => {
  beforeAll(() => {
    vi.useFakeTimers({ now: T + TIMEOUT + PENDING_MARGIN_MS + 60_000 });
    vi.stubEnv("REQUEST_TIMEOUT_MS", String(TIMEOUT));
  });
  afterAll(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  const entry = (over: Partial<HistoryEntry>) => ({ ...({} as HistoryEntry), callees: [], callResult: null, ...over }) as HistoryEntry;

  it("shows an old pending row as outcome unknown, a fresh one as in flight, and the rest as stored", () => {
    expect(toAttemptView(entry({ outcome: "pending", created_at: created })).outcome).toBe("unknown");
    expect(toAttemptView(entry({ outcome: "pending", created_at: new Date(Date.now() - 1_000).toISOString() })).outcome).toBe("in-flight");
    expect(toAttemptView(entry({ outcome: "timeout", created_at: created })).outcome).toBe("timeout");
  });
});
