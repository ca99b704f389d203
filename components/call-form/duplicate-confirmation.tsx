import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import type { Confirm } from "./use-start-call";

/** Nothing was sent: the same call went out a few minutes ago. Sending again needs a deliberate click. */
export default function DuplicateConfirmation({
  confirm,
  busy,
  onSend,
  onCancel,
}: {
  confirm: Confirm;
  busy: boolean;
  onSend: () => void;
  onCancel: () => void;
}) {
  const { previous } = confirm;
  const t = useTranslations("callForm");
  return (
    <div
      role="alertdialog"
      aria-label={t("duplicate.label")}
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm"
    >
      <p className="font-medium text-amber-900">
        {t.rich("duplicate.body", {
          time: () => <LocalTime iso={previous.createdAt} />,
          minutes: String(confirm.windowMinutes),
          outcome: t(`outcomes.${previous.outcome}`),
          code: previous.errorCode ? ` ${previous.errorCode}` : "",
        })}
      </p>
      <p>
        <a className="text-brand-600 hover:underline" href={`/history/${previous.id}`}>
          {t("duplicate.earlier", { requestId: previous.requestId ? ` (${previous.requestId})` : "" })}
        </a>
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="danger" disabled={busy} onClick={onSend}>
          {t("duplicate.send")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("duplicate.cancel")}
        </Button>
      </div>
    </div>
  );
}
