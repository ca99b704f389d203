"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "./toast";
import { cn } from "./cn";

const tones = {
  /** On the page or a card. */
  plain: "text-slate-700 hover:bg-slate-100",
  /** Outlined, as a toolbar button. */
  outline: "border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-800 hover:bg-slate-50",
  /** On a dark code block (stays dark in both themes, 4.5:1 or better). */
  code: "bg-[#1e293b] text-[#f1f5f9] hover:bg-[#334155] focus-visible:outline-[#93c5fd]",
} as const;

/** Copies a text; its label never wraps or squeezes, whatever sits beside it. */
export function CopyButton({
  text,
  label,
  tone = "plain",
  className,
}: {
  text: string;
  label?: string;
  tone?: keyof typeof tones;
  className?: string;
}) {
  const t = useTranslations("ui.copy");
  const [copied, setCopied] = useState(false);
  const name = label ?? t("copy");
  return (
    <button
      type="button"
      className={cn("inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs whitespace-nowrap", tones[tone], className)}
      aria-label={t("ariaLabel", { label: name, text: text.length > 40 ? `${text.slice(0, 40)}…` : text })}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        } catch {
          toast.error(t("failed"));
        }
      }}
    >
      {copied ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      {copied ? t("copied") : name}
    </button>
  );
}
