import type { ReactNode } from "react";
import { cn } from "./cn";

export interface Column {
  label: string;
  /** API field names are shown in monospace. */
  mono?: boolean;
}

/** A bordered, scrollable table with the console's header style. */
export function DataTable({ columns, children, footer }: { columns: Column[]; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs text-slate-500">
          <tr>
            {columns.map((column) => (
              <th key={column.label} className={cn("px-3 py-2 font-medium", column.mono && "font-mono")}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {footer}
    </div>
  );
}
