import { describe, expect, it } from "vitest";
import {
  foldCallState,
  isLive,
  statusForAction,
  type CalleeStatus,
  type CallPhase,
  type Evidence,
  type RequestEvidence,
} from "./call-state";

const T0 = Date.parse("2026-11-26T10:00:00.000Z");
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const NOW = new Date(T0 + 30_000);

const start = (s = 0, over: Partial<RequestEvidence> = {}): RequestEvidence => ({
  kind: "start",
  entryId: "start",
  at: at(s),
  outcome: "ok",
  errorCode: 0,
  response: { Response: { CallId: "c1", CallResult: [{ Callee_Account: "alice", ResultCode: 0 }] } },
  robot: "robot",
  callees: ["alice", "bob"],
  timeoutMs: 60_000,
  ...over,
});
const status = (s: number, members: [string, string][] | null, errorCode = 0): RequestEvidence => ({
  kind: "status",
  entryId: `status-${s}`,
  at: at(s),
  outcome: errorCode === 0 ? "ok" : "api-error",
  errorCode,
  response: members ? { Response: { UserList: members.map(([User_Account, Status]) => ({ User_Account, Status })) } } : null,
});
const endCall = (s: number, errorCode = 0, outcome = errorCode === 0 ? "ok" : "api-error"): RequestEvidence => ({
  kind: "end",
  entryId: `end-${s}`,
  at: at(s),
  outcome,
  errorCode,
  response: null,
});
const record = (s: number, callResult: string, accept = 0): RequestEvidence => ({
  kind: "record",
  entryId: `record-${s}`,
  at: at(s),
  outcome: "ok",
  errorCode: 0,
  response: {
    Response: {
      CallRecord: {
        CallId: "c1",
        StartTime: T0 / 1000,
        AcceptTime: accept ? T0 / 1000 + accept : 0,
        EndTime: T0 / 1000 + 20,
        CallResult: callResult,
      },
    },
  },
});
const changed = (s: number, changes: [string, string][]): Evidence => ({
  kind: "event",
  at: at(s),
  event: { kind: "member-changed", members: [], changes: changes.map(([account, action]) => ({ account, action })), callResult: null },
});
const endedEvent = (s: number, callResult: string): Evidence => ({
  kind: "event",
  at: at(s),
  event: { kind: "ended", members: [], changes: [], callResult },
});

interface Row {
  rule: string;
  evidence: Evidence[];
  phase: CallPhase;
  callees: Record<string, CalleeStatus>;
  result?: string | null;
  now?: Date;
}

const TABLE: Row[] = [
  { rule: "a successful start: every callee rings", evidence: [start()], phase: "ringing", callees: { alice: "ringing", bob: "ringing" } },
  {
    rule: "a failed start: no call",
    evidence: [start(0, { outcome: "api-error", errorCode: 70107, response: null })],
    phase: "failed",
    callees: {},
  },
  {
    rule: "a callee the start could not invite is unknown, not ringing",
    evidence: [start(0, { response: { Response: { CallResult: [{ Callee_Account: "bob", ResultCode: 70107 }] } } })],
    phase: "ringing",
    callees: { alice: "ringing", bob: "unknown" },
  },
  {
    rule: "a status read moves a callee into the call",
    evidence: [
      start(),
      status(3, [
        ["robot", "Calling"],
        ["alice", "Calling"],
        ["bob", "Waiting"],
      ]),
    ],
    phase: "in-call",
    callees: { alice: "in-call", bob: "ringing" },
  },
  {
    rule: "an end_call that succeeded is final: a later read saying Calling never revives it",
    evidence: [
      start(),
      status(3, [
        ["alice", "Calling"],
        ["bob", "Waiting"],
      ]),
      endCall(5),
      status(6, [
        ["alice", "Calling"],
        ["bob", "Waiting"],
      ]),
    ],
    phase: "ended",
    callees: { alice: "hung-up", bob: "cancelled" },
    result: "Ended",
  },
  {
    rule: "an end_call answered 101004: the call was already over, why is not known",
    evidence: [start(), endCall(5, 101004)],
    phase: "ended",
    callees: { alice: "unknown", bob: "unknown" },
  },
  {
    rule: "a failed end_call (not 101004) ends nothing",
    evidence: [start(), endCall(5, 101001)],
    phase: "ringing",
    callees: { alice: "ringing", bob: "ringing" },
  },
  {
    rule: "an end_call that timed out ends nothing",
    evidence: [start(), endCall(5, 0, "timeout")],
    phase: "ringing",
    callees: { alice: "ringing", bob: "ringing" },
  },
  {
    rule: "get_call_info answering 101004 ends the call",
    evidence: [start(), status(4, null, 101004)],
    phase: "ended",
    callees: { alice: "unknown", bob: "unknown" },
  },
  {
    rule: "101004, then the record: the ringing callees get the record's result",
    evidence: [start(), status(4, null, 101004), record(9, "NotAnswer")],
    phase: "ended",
    callees: { alice: "not-answered", bob: "not-answered" },
    result: "NotAnswer",
  },
  {
    rule: "an older read applied after the end (arrived late) is ordered before it",
    evidence: [
      start(),
      endCall(10),
      status(4, [
        ["alice", "Calling"],
        ["bob", "Waiting"],
      ]),
    ],
    phase: "ended",
    callees: { alice: "hung-up", bob: "cancelled" },
  },
  {
    rule: "a rejection from a webhook is final for that callee",
    evidence: [
      start(),
      changed(1, [["bob", "Reject"]]),
      status(3, [
        ["bob", "Waiting"],
        ["alice", "Waiting"],
      ]),
    ],
    phase: "ringing",
    callees: { alice: "ringing", bob: "rejected" },
  },
  {
    rule: "one in the call never goes back to ringing",
    evidence: [
      start(),
      changed(2, [["alice", "Answer"]]),
      status(3, [
        ["alice", "Waiting"],
        ["bob", "Waiting"],
      ]),
    ],
    phase: "in-call",
    callees: { alice: "in-call", bob: "ringing" },
  },
  {
    rule: "gone from the list after answering: hung up; gone while ringing: unknown until told",
    evidence: [
      start(),
      status(2, [
        ["alice", "Calling"],
        ["bob", "Waiting"],
      ]),
      status(5, [["robot", "Calling"]]),
    ],
    phase: "ending",
    callees: { alice: "hung-up", bob: "unknown" },
  },
  {
    rule: "the record gives the reason to a callee that left without one",
    evidence: [start(0, { callees: ["bob"] }), status(2, [["robot", "Calling"]]), status(3, null, 101004), record(9, "Reject")],
    phase: "ended",
    callees: { bob: "rejected" },
    result: "Reject",
  },
  {
    rule: "an ended event names the result; ringing callees get it",
    evidence: [start(), changed(2, [["alice", "Answer"]]), endedEvent(8, "NormalEnd")],
    phase: "ended",
    callees: { alice: "hung-up", bob: "cancelled" },
    result: "NormalEnd",
  },
  {
    rule: "NotAnswer at the end: whoever still rang did not answer",
    evidence: [start(), endedEvent(60, "NotAnswer")],
    phase: "ended",
    callees: { alice: "not-answered", bob: "not-answered" },
    result: "NotAnswer",
  },
  {
    rule: "an end by the console, then the record: the record's result replaces 'Ended'",
    evidence: [start(), changed(2, [["alice", "Accept"]]), endCall(5), record(11, "NormalEnd", 2)],
    phase: "ended",
    callees: { alice: "hung-up", bob: "cancelled" },
    result: "NormalEnd",
  },
  {
    rule: "events after the end change nobody",
    evidence: [start(), endedEvent(5, "Cancel"), changed(6, [["alice", "Answer"]])],
    phase: "ended",
    callees: { alice: "cancelled", bob: "cancelled" },
    result: "Cancel",
  },
  {
    rule: "Offline and Cancel_Invite action words",
    evidence: [
      start(),
      changed(1, [
        ["alice", "Offline"],
        ["bob", "Canncel_Invite"],
      ]),
    ],
    phase: "ending",
    callees: { alice: "offline", bob: "cancelled" },
  },
  {
    rule: "ringing past the Timeout with no news is stale",
    evidence: [start()],
    phase: "stale",
    callees: { alice: "ringing", bob: "ringing" },
    now: new Date(T0 + 125_000),
  },
  {
    rule: "in the call but no news for two hours is stale",
    evidence: [start(), changed(2, [["alice", "Answer"]])],
    phase: "stale",
    callees: { alice: "in-call", bob: "ringing" },
    now: new Date(T0 + 3 * 3_600_000),
  },
  {
    rule: "a start still pending: starting",
    evidence: [start(0, { outcome: "pending", response: null })],
    phase: "starting",
    callees: {},
  },
  {
    rule: "a record that does not exist yet (101050) says nothing",
    evidence: [start(), { ...record(9, "NormalEnd"), outcome: "api-error", errorCode: 101050, response: null }],
    phase: "ringing",
    callees: { alice: "ringing", bob: "ringing" },
  },
];

describe("one state per call", () => {
  it.each(TABLE)("$rule", (row) => {
    const state = foldCallState("c1", row.evidence, row.now ?? NOW);
    expect(state.phase).toBe(row.phase);
    expect(Object.fromEntries(state.callees.map((c) => [c.account, c.status]))).toEqual(row.callees);
    if (row.result !== undefined) expect(state.result).toBe(row.result);
    expect(isLive(state)).toBe(["ringing", "in-call", "ending", "starting"].includes(row.phase));
  });

  it("keeps when and from what each callee's state came, and who answered", () => {
    const state = foldCallState("c1", [start(), changed(2, [["alice", "Answer"]]), endCall(5), record(9, "NormalEnd", 2)], NOW);
    const alice = state.callees.find((c) => c.account === "alice");
    expect(alice).toMatchObject({ status: "hung-up", at: at(5), source: "end", answered: true });
    expect(state.callees.find((c) => c.account === "bob")).toMatchObject({ answered: false, source: "end" });
    expect(state).toMatchObject({ endedAt: at(5), endSource: "end", durationS: 20, robot: "robot", answeredAt: at(2) });
  });

  it("never lists the robot as a callee", () => {
    const state = foldCallState(
      "c1",
      [
        start(),
        status(1, [
          ["robot", "Calling"],
          ["alice", "Waiting"],
          ["bob", "Waiting"],
        ]),
      ],
      NOW,
    );
    expect(state.callees.map((c) => c.account)).toEqual(["alice", "bob"]);
  });

  it("reads ActionType words loosely", () => {
    expect(
      ["Answer", "Accept", "Hangup", "Hang Up", "Reject", "NotAnswer", "Invited", "Cancel_Invite", "Offline", "Dance"].map(statusForAction),
    ).toEqual(["in-call", "in-call", "hung-up", "hung-up", "rejected", "not-answered", "ringing", "cancelled", "offline", null]);
  });

  it("tolerates answers of any shape", () => {
    const odd: Evidence[] = [
      start(0, { response: "not json" }),
      { ...status(1, null), response: { Response: { UserList: [null, 3, { User_Account: 5 }] } } },
      { ...record(2, "x"), response: { Response: { CallRecord: "?" } } },
    ];
    expect(foldCallState("c1", odd, NOW).phase).toBe("ringing");
  });
});
