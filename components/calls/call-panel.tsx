"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Activity, FileText, PhoneOff } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { ActionRefusal, useAction } from "@/components/ui/use-action";
import type { Action } from "@/lib/forms/action-result";
import type { AttemptView } from "@/lib/forms/attempt-view";
import { isLivePhase, type CallDetailView, type FollowUpView } from "@/lib/forms/call-view";
import { describeCallResult, explainOutcome } from "@/lib/tencent/error-catalog";
import { CallTimeline } from "./call-timeline";
import { CalleeStates } from "./callee-states";
import { POLL_MS, callDetailOptions, callKeys, useCallChanges } from "./call-query";

type OnCall = { callId: string };
export interface CallActions {
  end: Action<OnCall, FollowUpView>;
  status: Action<OnCall & { background?: boolean }, FollowUpView>;
  record: Action<OnCall, FollowUpView>;
}

/** A watch stops by itself after this many reads (two minutes). */
const MAX_POLLS = 40;

const at = (unix: number) => (unix > 0 ? <LocalTime iso={new Date(unix * 1000).toISOString()} /> : "—");
const entryLink = (attempt: AttemptView) => (
  <a className="text-xs text-brand-600 hover:underline" href={`/history/${attempt.id}`}>
    attempt
  </a>
);
const title = (a: AttemptView) => explainOutcome({ kind: a.outcome, errorCode: a.errorCode }, a.command);

/**
 * A call's one state, its controls (live status, end, record) and, when asked,
 * its timeline. The state is read from /api/calls/<CallId> every 3 s while the
 * call may change and never after, and at once when the change feed shows a
 * new event of it (whichever instance received it); once it has ended, End
 * call is disabled.
 * Watching sends get_call_info every 3 s as background reads.
 */
export function CallPanel({
  callId,
  canEnd,
  actions,
  showTimeline = false,
  initial,
}: {
  callId: string;
  /** The state the server rendered with, shown until the first refresh. */
  initial?: CallDetailView;
  canEnd: boolean;
  actions: CallActions;
  showTimeline?: boolean;
}) {
  const queryClient = useQueryClient();
  useCallChanges();
  const detail = useQuery({ ...callDetailOptions(callId), initialData: initial });
  const call = detail.data?.call;
  const live = call ? isLivePhase(call.phase) : true;
  const [watching, setWatching] = useState(false);
  const [lastRead, setLastRead] = useState<AttemptView | null>(null);

  const fold = (data: FollowUpView) => {
    if (data.call) {
      const next = data.call;
      queryClient.setQueryData(callKeys.detail(callId), (old) => (old ? { ...old, call: next } : old));
    }
    void queryClient.invalidateQueries({ queryKey: callKeys.all });
  };

  const status = useAction(actions.status, {
    failure: "The status could not be read.",
    onSuccess: (data) => {
      fold(data);
      setLastRead(data.attempt);
      setWatching(data.attempt.outcome === "ok");
    },
  });
  const end = useAction(actions.end, { failure: "The call could not be ended.", onSuccess: fold });
  const record = useAction(actions.record, { failure: "The record could not be read.", onSuccess: fold });

  // Background reads while watching: the next is asked only once the previous answer is in.
  const watch = useQuery({
    queryKey: ["calls", "watch", callId],
    queryFn: async () => {
      const result = await actions.status({ callId, background: true });
      if (!result.ok) throw new ActionRefusal(result, "The status could not be read.");
      fold(result.data);
      setLastRead(result.data.attempt);
      return result.data;
    },
    enabled: watching && live,
    refetchInterval: (q) => (q.state.dataUpdateCount >= MAX_POLLS ? false : POLL_MS),
    staleTime: POLL_MS,
    retry: false,
  });
  const isWatching = watching && live && watch.status !== "error";
  const error = status.error ?? end.error ?? record.error ?? (watch.error ? watch.error.message : null) ?? (detail.error?.message || null);
  const ended = end.data?.attempt;
  const rec = record.data;
  const recordView = rec?.record ?? null;
  const busy = status.pending || end.pending || record.pending;

  return (
    <div className="space-y-4" data-testid="call-controls">
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={busy || !live} onClick={() => status.run({ callId })}>
          <Activity className="size-4" aria-hidden /> {isWatching ? "Watching live status" : "Live status"}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => record.run({ callId })}>
          <FileText className="size-4" aria-hidden /> Record
        </Button>
        {canEnd ? (
          <Button
            type="button"
            variant="danger"
            disabled={busy || !live}
            title={live ? undefined : "The call has ended"}
            onClick={() => end.run({ callId })}
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
          {ended.outcome === "ok"
            ? "Call ended: every member was hung up."
            : ended.errorCode === 101004
              ? "Already ended: the call was over before this request (101004). Nothing to do."
              : `Not ended: ${title(ended).title}.`}{" "}
          {entryLink(ended)}
        </p>
      ) : null}

      {call ? <CalleeStates call={call} /> : null}

      {lastRead ? (
        <p data-testid="live-status" className="text-sm text-slate-700">
          {lastRead.errorCode === 101004
            ? "The call has ended (101004): no one is in it."
            : lastRead.outcome === "ok"
              ? isWatching
                ? `Watching: a status read every ${POLL_MS / 1000} s (background reads, hidden from history by default).`
                : "Status read."
              : title(lastRead).title}{" "}
          {entryLink(lastRead)}
        </p>
      ) : null}

      {rec ? (
        <div data-testid="call-record" className="space-y-1 text-sm">
          {recordView ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="font-mono text-slate-500">CallResult</dt>
              <dd>
                <span className="font-mono">{recordView.CallResult}</span>: {describeCallResult(recordView.CallResult)}
              </dd>
              <dt className="font-mono text-slate-500">CallType</dt>
              <dd className="font-mono">
                {recordView.CallType}, {recordView.MediaType}
              </dd>
              <dt className="text-slate-500">Started</dt>
              <dd>{at(recordView.StartTime)}</dd>
              <dt className="text-slate-500">Answered</dt>
              <dd>{at(recordView.AcceptTime)}</dd>
              <dt className="text-slate-500">Ended</dt>
              <dd>{at(recordView.EndTime)}</dd>
            </dl>
          ) : (
            <p>
              {title(rec.attempt).cause}
              {rec.attempt.errorCode === 101050 ? " Try again in a few seconds if the call has just ended." : ""}
            </p>
          )}
          {entryLink(rec.attempt)}
        </div>
      ) : null}

      {showTimeline && detail.data ? <CallTimeline items={detail.data.timeline} /> : null}
    </div>
  );
}
