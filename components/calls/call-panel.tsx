"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Activity, FileText, PhoneOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { ActionRefusal, localizeRefusal, useAction } from "@/components/ui/use-action";
import { useLocalize } from "@/components/i18n/localize";
import type { Action } from "@/lib/forms/action-result";
import type { AttemptView } from "@/lib/forms/attempt-view";
import { isLivePhase, type CallDetailView, type FollowUpView } from "@/lib/forms/call-view";
import { useCatalog } from "./catalog-text";
import { CallTimeline } from "./call-timeline";
import { CalleeStates } from "./callee-states";
import { POLL_MS, callDetailOptions, callKeys, useCallChanges, useLoadErrorText } from "./call-query";

type OnCall = { callId: string };
export interface CallActions {
  end: Action<OnCall, FollowUpView>;
  status: Action<OnCall & { background?: boolean }, FollowUpView>;
  record: Action<OnCall, FollowUpView>;
}

/** A watch stops by itself after this many reads (two minutes). */
const MAX_POLLS = 40;

const at = (unix: number) => (unix > 0 ? <LocalTime iso={new Date(unix * 1000).toISOString()} /> : "—");

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
  const t = useTranslations("calls.panel");
  const catalog = useCatalog();
  const title = (a: AttemptView) => catalog.outcome({ kind: a.outcome, errorCode: a.errorCode }, a.command);
  const entryLink = (attempt: AttemptView) => (
    <a className="text-xs text-brand-600 hover:underline" href={`/history/${attempt.id}`}>
      {t("attempt")}
    </a>
  );
  const localize = useLocalize();
  const loadErrorText = useLoadErrorText();
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
    failure: t("statusFailed"),
    onSuccess: (data) => {
      fold(data);
      setLastRead(data.attempt);
      setWatching(data.attempt.outcome === "ok");
    },
  });
  const end = useAction(actions.end, { failure: t("endFailed"), onSuccess: fold });
  const record = useAction(actions.record, { failure: t("recordFailed"), onSuccess: fold });

  // Background reads while watching: the next is asked only once the previous answer is in.
  const watch = useQuery({
    queryKey: ["calls", "watch", callId],
    queryFn: async () => {
      const result = await actions.status({ callId, background: true });
      if (!result.ok) throw new ActionRefusal(localizeRefusal(result, localize), t("statusFailed"));
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
  const error =
    status.error ??
    end.error ??
    record.error ??
    (watch.error ? watch.error.message : null) ??
    (detail.error ? loadErrorText(detail.error) : null);
  const ended = end.data?.attempt;
  const rec = record.data;
  const recordView = rec?.record ?? null;
  const busy = status.pending || end.pending || record.pending;

  return (
    <div className="space-y-4" data-testid="call-controls">
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={busy || !live} onClick={() => status.run({ callId })}>
          <Activity className="size-4" aria-hidden /> {isWatching ? t("watchingLiveStatus") : t("liveStatus")}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => record.run({ callId })}>
          <FileText className="size-4" aria-hidden /> {t("record")}
        </Button>
        {canEnd ? (
          <Button
            type="button"
            variant="danger"
            disabled={busy || !live}
            title={live ? undefined : t("hasEnded")}
            onClick={() => end.run({ callId })}
          >
            <PhoneOff className="size-4" aria-hidden /> {t("endCall")}
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
            ? t("ended")
            : ended.errorCode === 101004
              ? t("alreadyEnded")
              : t("notEnded", { title: title(ended).title })}{" "}
          {entryLink(ended)}
        </p>
      ) : null}

      {call ? <CalleeStates call={call} /> : null}

      {lastRead ? (
        <p data-testid="live-status" className="text-sm text-slate-700">
          {lastRead.errorCode === 101004
            ? t("over")
            : lastRead.outcome === "ok"
              ? isWatching
                ? t("watching", { seconds: POLL_MS / 1000 })
                : t("statusRead")
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
                {t.rich("callResult", {
                  result: recordView.CallResult,
                  meaning: catalog.callResult(recordView.CallResult),
                  name: (c) => <span className="font-mono">{c}</span>,
                })}
              </dd>
              <dt className="font-mono text-slate-500">{t("callType")}</dt>
              <dd className="font-mono">
                {recordView.CallType}, {recordView.MediaType}
              </dd>
              <dt className="text-slate-500">{t("started")}</dt>
              <dd>{at(recordView.StartTime)}</dd>
              <dt className="text-slate-500">{t("answered")}</dt>
              <dd>{at(recordView.AcceptTime)}</dd>
              <dt className="text-slate-500">{t("endedAt")}</dt>
              <dd>{at(recordView.EndTime)}</dd>
            </dl>
          ) : (
            <p>
              {title(rec.attempt).cause}
              {rec.attempt.errorCode === 101050 ? t("recordLater") : ""}
            </p>
          )}
          {entryLink(rec.attempt)}
        </div>
      ) : null}

      {showTimeline && detail.data ? <CallTimeline items={detail.data.timeline} /> : null}
    </div>
  );
}
