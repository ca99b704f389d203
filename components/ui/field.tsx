import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { forwardRef } from "react";
import { useTranslations } from "next-intl";
import { useLocalize } from "@/components/i18n/localize";
import { cn } from "./cn";

const control =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600";

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }>(function Input(
  { invalid, className, ...props },
  ref,
) {
  return (
    <input
      ref={ref}
      aria-invalid={invalid || undefined}
      className={cn(control, invalid ? "border-red-500" : "border-slate-300", className)}
      {...props}
    />
  );
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }>(
  function Textarea({ invalid, className, ...props }, ref) {
    return (
      <textarea
        ref={ref}
        aria-invalid={invalid || undefined}
        className={cn(control, "font-mono", invalid ? "border-red-500" : "border-slate-300", className)}
        {...props}
      />
    );
  },
);

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }>(function Select(
  { invalid, className, ...props },
  ref,
) {
  return (
    <select
      ref={ref}
      aria-invalid={invalid || undefined}
      className={cn(control, invalid ? "border-red-500" : "border-slate-300", className)}
      {...props}
    />
  );
});

/**
 * A labelled form control: the API's field name (monospace) as the label, a
 * short hint, and the field's errors, wired with aria-describedby. Errors and
 * warnings lib wrote in English are shown in the user's language.
 */
export function Field({
  id,
  label,
  hint,
  required,
  errors,
  warnings,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  errors?: string[];
  warnings?: string[];
  children: ReactNode;
}) {
  const t = useTranslations("ui.field");
  const localize = useLocalize();
  return (
    <div className="space-y-1">
      <div className="flex items-baseline gap-2 text-sm">
        <label htmlFor={id} className="font-mono font-medium text-slate-900">
          {label}
        </label>
        {required ? (
          <span aria-hidden="true" className="text-xs text-slate-500">
            {t("required")}
          </span>
        ) : null}
      </div>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.map((message) => (
        <p key={message} id={`${id}-error`} role="alert" className="text-xs font-medium text-red-600">
          {localize(message)}
        </p>
      ))}
      {warnings?.map((message) => (
        <p key={message} className="text-xs text-amber-700">
          {localize(message)}
        </p>
      ))}
    </div>
  );
}
