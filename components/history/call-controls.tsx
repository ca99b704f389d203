"use client";

import { Activity, FileText, PhoneOff } from "lucide-react";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import type { Action } from "@/lib/forms/action-result";
import type { AttemptView } from "@/lib/forms/attempt-view";
import type { CallCommandView, CallMemberView, CallRecordView } from "@/lib/forms/call-record-view";
import { describeCallResult, explainOutcome } from "@/lib/tencent/error-catalog";

type Act = Action<{ entryId: string }, CallCommandView>;
export interface CallActions {
  end: Act;
  status: Act;
  record: Act;
}

const POLL_MS = 3_000;
const MAX_POLLS = 40;

const at = (unix: number) => (unix > 0 ? <LocalTime iso={new Date(unix * 1000).toISOString()} /> : "—");
const entryLink = (attempt: AttemptView) => (
  <a className="text-xs text-brand-600 hover:underline" href={`/history/${attempt.id}`}>
    attempt
  </a>
);

/** End call, live status and record for the call a start created. Each request is an attempt in history. */
export function CallControls({ entryId, canEnd, actions }: { entryId: string; canEnd: boolean; actions: CallActions }) {
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ members: CallMemberView[] | null; attempt: AttemptView; polls: number } | null>(null);
  const [live, setLive] = useState(false);
  const [ended, setEnded] = useState<{ attempt: AttemptView; already: boolean } | null>(null);
  const [record, setRecord] = useState<{ record: CallRecordView | null; attempt: AttemptView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const polls = useRef(0);

  /** Asks once; true when the call is still there to watch. */
  const refreshStatus = async (): Promise<boolean> => {
    const result = await actions.status({ entryId });
    if (!result.ok) {
      setError(result.formError ?? "The status could not be read.");
      return false;
    }
    polls.current += 1;
    const members = result.data.members ?? null;
    setStatus({ members, attempt: result.data.attempt, polls: polls.current });
    // An ended call answers 101004: nothing more to watch.
    return result.data.attempt.outcome === "ok" && polls.current < MAX_POLLS;
  };

  // The next poll is scheduled only once the previous answer is in, so slow answers never overlap.
  useEffect(() => {
    if (!live) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const again = await refreshStatus();
      if (stopped) return;
      if (again) timer = setTimeout(() => void tick(), POLL_MS);
      else setLive(false);
    };
    timer = setTimeout(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // refreshStatus only reads props and setters
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live]);

  return (
    <div className="space-y-4" data-testid="call-controls">
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              polls.current = 0;
              // Watch only a call that is still there.
              setLive(await refreshStatus());
            })
          }
        >
          <Activity className="size-4" aria-hidden /> {live ? "Watching live status" : "Live status"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await actions.record({ entryId });
              if (!result.ok) return setError(result.formError ?? "The record could not be read.");
              setRecord({
                record: result.data.record ?? null,
                attempt: result.data.attempt,
              });
            })
          }
        >
          <FileText className="size-4" aria-hidden /> Record
        </Button>
        {canEnd ? (
          <Button
            type="button"
            variant="danger"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await actions.end({ entryId });
                if (!result.ok) return setError(result.formError ?? "The call could not be ended.");
                setEnded({ attempt: result.data.attempt, already: result.data.attempt.errorCode === 101004 });
                setLive(false);
              })
            }
          >
            <PhoneOff className="size-4" aria-hidden /> End call
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}

      {ended ? (
        <p data-testid="end-result" className="text-sm">
          {ended.attempt.outcome === "ok"
            ? "Call ended: every member was hung up."
            : ended.already
              ? "Already ended: the call was over before this request (101004). Nothing to do."
              : `Not ended: ${explainOutcome({ kind: ended.attempt.outcome, errorCode: ended.attempt.errorCode }, ended.attempt.command).title}.`}{" "}
          {entryLink(ended.attempt)}
        </p>
      ) : null}

      {status ? (
        <div data-testid="live-status" className="space-y-1 text-sm">
          <p className="font-medium text-slate-900">
            Live status {live ? `(refreshing every ${POLL_MS / 1000} s)` : ""} {entryLink(status.attempt)}
          </p>
          {status.members ? (
            <ul className="space-y-0.5">
              {status.members.map((m) => (
                <li key={m.User_Account} data-testid="member">
                  <span className="font-mono">{m.User_Account}</span>:{" "}
                  {m.Status === "Calling" ? "in the call (Calling)" : m.Status === "Waiting" ? "ringing (Waiting)" : m.Status}
                </li>
              ))}
            </ul>
          ) : status.attempt.errorCode === 101004 ? (
            <p>The call has ended (101004): no one is in it.</p>
          ) : (
            <p>{explainOutcome({ kind: status.attempt.outcome, errorCode: status.attempt.errorCode }, status.attempt.command).title}</p>
          )}
        </div>
      ) : null}

      {record ? (
        <div data-testid="call-record" className="space-y-1 text-sm">
          {record.record ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="font-mono text-slate-500">CallResult</dt>
              <dd>
                <span className="font-mono">{record.record.CallResult}</span>: {describeCallResult(record.record.CallResult)}
              </dd>
              <dt className="font-mono text-slate-500">CallType</dt>
              <dd className="font-mono">
                {record.record.CallType}, {record.record.MediaType}
              </dd>
              <dt className="text-slate-500">Started</dt>
              <dd>{at(record.record.StartTime)}</dd>
              <dt className="text-slate-500">Answered</dt>
              <dd>{at(record.record.AcceptTime)}</dd>
              <dt className="text-slate-500">Ended</dt>
              <dd>{at(record.record.EndTime)}</dd>
            </dl>
          ) : (
            <p>
              {explainOutcome({ kind: record.attempt.outcome, errorCode: record.attempt.errorCode }, record.attempt.command).cause}
              {record.attempt.errorCode === 101050 ? " Try again in a few seconds if the call has just ended." : ""}
            </p>
          )}
          {entryLink(record.attempt)}
        </div>
      ) : null}
    </div>
  );
}
