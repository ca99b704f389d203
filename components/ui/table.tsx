import type { ReactNode } from "react";
import { cn } from "./cn";

export interface Column {
  label: string;
  /** API field names are shown in monospace. */
  mono?: boolean;
}

/**
 * A bordered table with the console's header style. On a narrow screen it
 * scrolls inside its own card (never the page); the card is a labelled,
 * focusable region so the keyboard can scroll it too.
 */
export function DataTable({
  columns,
  children,
  footer,
  label = "Table",
}: {
  columns: Column[];
  children: ReactNode;
  footer?: ReactNode;
  label?: string;
}) {
  return (
    <div className="max-w-full min-w-0 rounded-lg border border-slate-200 bg-white">
      <div className="overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              {columns.map((column) => (
                <th key={column.label} className={cn("px-3 py-2 font-medium whitespace-nowrap", column.mono && "font-mono")}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {footer}
    </div>
  );
}
