import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import type { Confirm } from "./use-start-call";

/** Nothing was sent: the same call went out a few minutes ago. Sending again needs a deliberate click. */
export function DuplicateConfirmation({
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
  return (
    <div
      role="alertdialog"
      aria-label="Same call a moment ago"
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm"
    >
      <p className="font-medium text-amber-900">
        The same robot called the same callees with this profile at <LocalTime iso={previous.createdAt} />, within the last{" "}
        {confirm.windowMinutes} minutes (outcome: {previous.outcome}
        {previous.errorCode ? ` ${previous.errorCode}` : ""}). Nothing was sent. Sending again rings them again.
      </p>
      <p>
        <a className="text-brand-600 hover:underline" href={`/history/${previous.id}`}>
          The earlier attempt{previous.requestId ? ` (${previous.requestId})` : ""}
        </a>
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="danger" disabled={busy} onClick={onSend}>
          Send anyway
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
