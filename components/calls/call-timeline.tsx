import { useTranslations } from "next-intl";
import { useLocalize } from "@/components/i18n/localize";
import { OutcomeBadge } from "@/components/outcome/outcome-badge";
import { LocalTime } from "@/components/ui/local-time";
import type { CallEventView } from "@/lib/forms/call-event-view";
import type { TimelineItem } from "@/lib/forms/call-view";
import { commandLabel } from "@/lib/tencent/commands/label";
import { useCatalog } from "./catalog-text";

/** A webhook event in one line, in the page's language (the API's values, CallResult and ActionType, stay as sent). */
export function useDescribeEvent(): (event: CallEventView) => string {
  const t = useTranslations("calls.timeline");
  const catalog = useCatalog();
  return (event) => {
    const list = (items: string[]) => items.join(t("separator"));
    switch (event.kind) {
      case "started": {
        const members = list(
          event.members.map((m) =>
            t("member", {
              account: m.account,
              status: m.status === "Calling" ? t("calling") : m.status === "Waiting" ? t("ringing") : (m.status ?? ""),
            }).trim(),
          ),
        );
        return event.mediaType ? t("startedMedia", { mediaType: event.mediaType, members }) : t("started", { members });
      }
      case "member-changed":
        return list(event.changes.map((c) => t("change", { account: c.account, action: c.action }))) || t("membersChanged");
      case "ended":
        return event.callResult
          ? t("ended", { result: event.callResult, meaning: catalog.callResult(event.callResult) })
          : t("endedWithoutResult");
      case "unknown":
        return event.command ? t("unreadable", { command: event.command }) : t("unreadableWithoutCommand");
    }
  };
}

/** Everything that happened to the call, in order: the start, every follow-up request, every webhook event, the record. */
export function CallTimeline({ items }: { items: TimelineItem[] }) {
  const t = useTranslations("calls.timeline");
  const describeEvent = useDescribeEvent();
  const localize = useLocalize();
  return (
    <div className="space-y-2" data-testid="call-timeline">
      <h3 className="text-sm font-semibold text-slate-900">{t("title")}</h3>
      <ol className="space-y-1.5 border-l border-slate-200 pl-4 text-sm">
        {items.map((item) =>
          item.kind === "request" ? (
            <li key={item.entryId} data-testid="call-request" className="flex flex-wrap items-center gap-2">
              <span className="text-xs text-slate-500">
                <LocalTime iso={item.at} />
              </span>
              <a href={`/history/${item.entryId}`} className="font-mono text-xs text-brand-600 hover:underline">
                {commandLabel(item.command)}
              </a>
              <OutcomeBadge outcome={item.outcome} errorCode={item.errorCode} />
              {item.background ? <span className="text-xs text-slate-500">{t("backgroundRead")}</span> : null}
              {item.operator ? <span className="text-xs text-slate-500">{t("by", { operator: item.operator })}</span> : null}
            </li>
          ) : (
            <li key={item.event.id} data-testid="call-event">
              <span className="mr-2 text-xs text-slate-500">
                <LocalTime iso={item.at} />
              </span>
              <span className="mr-1 text-xs text-slate-500">{t("webhook")}</span>
              {describeEvent(item.event)}
              {item.event.problems.length > 0 ? (
                <details className="mt-1 text-xs text-amber-800">
                  <summary>{t("malformed", { problems: item.event.problems.map(localize).join(t("problemSeparator")) })}</summary>
                  <pre className="mt-1 overflow-auto rounded bg-slate-900 p-2 text-slate-100">{item.event.payload}</pre>
                </details>
              ) : null}
            </li>
          ),
        )}
      </ol>
    </div>
  );
}
