import type { HTMLAttributes } from "react";
import { cn } from "./cn";
import { CopyButton } from "./copy-button";

/**
 * A block of code or JSON: dark in both themes, long lines wrap, tall blocks
 * scroll inside themselves (focusable, so the keyboard can scroll), and an
 * optional Copy button readable on the dark background.
 */
export function CodeBlock({
  text,
  copy = false,
  className,
  ...props
}: { text: string; copy?: boolean } & Omit<HTMLAttributes<HTMLPreElement>, "children">) {
  const pre = (
    <pre
      tabIndex={0}
      className={cn(
        "max-h-[32rem] overflow-auto rounded-md bg-[#0f172a] p-3 font-mono text-xs break-words whitespace-pre-wrap text-[#f1f5f9]",
        copy && "pr-20",
        className,
      )}
      {...props}
    >
      {text}
    </pre>
  );
  if (!copy) return pre;
  return (
    <div className="relative min-w-0">
      <CopyButton text={text} tone="code" className="absolute top-2 right-2" />
      {pre}
    </div>
  );
}
