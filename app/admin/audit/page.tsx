import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { DataTable } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { listAuditActions, listAuditEvents } from "@/lib/db/audit";

export const metadata: Metadata = { title: "Audit log" };

type Search = { action?: string | string[]; actor?: string | string[]; cursor?: string | string[] };

/** A repeated parameter (?action=a&action=b) counts once; control characters are not searched for. */
const one = (value: string | string[] | undefined) => {
  const first = Array.isArray(value) ? value[0] : value;
  return first && !/[\u0000-\u001f\u007f]/.test(first) ? first : undefined;
};

function describe(details: string | null): string {
  if (!details) return "";
  try {
    const parsed = JSON.parse(details) as Record<string, unknown>;
    return Object.entries(parsed)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => {
        if (value && typeof value === "object" && "from" in value && "to" in value) {
          const change = value as { from: unknown; to: unknown };
          return `${key}: ${String(change.from)} → ${String(change.to)}`;
        }
        return `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`;
      })
      .join("; ");
  } catch {
    return details;
  }
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await guardPage("/admin/audit");
  const raw = await searchParams;
  const search = { action: one(raw.action), actor: one(raw.actor), cursor: one(raw.cursor) };
  const db = await getDb();
  const [page, actions] = await Promise.all([
    listAuditEvents(db, {
      action: search.action || undefined,
      actor: search.actor || undefined,
      cursor: search.cursor || undefined,
      limit: 100,
    }),
    listAuditActions(db),
  ]);
  const next = new URLSearchParams({
    ...(search.action ? { action: search.action } : {}),
    ...(search.actor ? { actor: search.actor } : {}),
  });
  if (page.nextCursor) next.set("cursor", page.nextCursor);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">Sign-ins and administrative changes: who, when, from where, and what changed.</p>
      </header>
      <form className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">Action</span>
          <Select name="action" defaultValue={search.action ?? ""} className="w-56">
            <option value="">All actions</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">Actor email</span>
          <Input name="actor" defaultValue={search.actor ?? ""} className="w-64" />
        </label>
        <Button type="submit">Filter</Button>
      </form>
      <DataTable
        columns={[
          { label: "When" },
          { label: "Who" },
          { label: "Action" },
          { label: "Target" },
          { label: "Address" },
          { label: "Details" },
        ]}
        footer={page.events.length === 0 ? <p className="p-4 text-sm text-slate-600">No events match.</p> : null}
      >
        {page.events.map((e) => (
          <tr key={e.id} className="border-t border-slate-100 align-top" data-testid="audit-row">
            <td className="px-3 py-2 whitespace-nowrap">
              <LocalTime iso={e.at} />
            </td>
            <td className="px-3 py-2">{e.actor_email ?? "console"}</td>
            <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
            <td className="px-3 py-2">{e.target_label ?? "—"}</td>
            <td className="px-3 py-2 font-mono text-xs">{e.ip ?? "—"}</td>
            <td className="px-3 py-2 text-xs text-slate-700">{describe(e.details)}</td>
          </tr>
        ))}
      </DataTable>
      {page.nextCursor ? (
        <Link href={`/admin/audit?${next.toString()}`} className="text-sm text-brand-600 hover:underline">
          Older events →
        </Link>
      ) : null}
    </div>
  );
}
