"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";

/**
 * A modal dialog on the native <dialog>: the browser traps focus, Escape
 * closes it, focus returns to where it was, and the page behind is inert.
 * The element marked data-autofocus gets the first focus.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  const t = useTranslations("ui.dialog");
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The dialog's own choice of first focus (the palette's input, a confirmation's Cancel), else the browser's.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={cn(
        "m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50",
        className,
      )}
    >
      {open ? (
        <div className="space-y-4 p-5">
          <div className="flex items-start justify-between gap-4">
            <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
            <button type="button" aria-label={t("close")} className="rounded p-1 text-slate-600 hover:bg-slate-100" onClick={onClose}>
              <X className="size-4" aria-hidden />
            </button>
          </div>
          {description ? (
            <div id={`${id}-description`} className="text-sm text-slate-700">
              {description}
            </div>
          ) : null}
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

/** Asks before a change that is hard to take back; names what will change. */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  danger = false,
  pending = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("ui.dialog");
  return (
    <Dialog open={open} onClose={onCancel} title={title} description={description}>
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel} data-autofocus>
          {t("cancel")}
        </Button>
        <Button type="button" variant={danger ? "danger" : "primary"} disabled={pending} onClick={onConfirm}>
          {pending ? t("working") : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
