import type { Metadata } from "next";
import { getMessages, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { DataTable } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { listAuditActions, listAuditEvents } from "@/lib/db/audit";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type Search = { action?: string | string[]; actor?: string | string[]; cursor?: string | string[] };

/** A repeated parameter (?action=a&action=b) counts once; control characters are not searched for. */
const one = (value: string | string[] | undefined) => {
  const first = Array.isArray(value) ? value[0] : value;
  return first && !/[\u0000-\u001f\u007f]/.test(first) ? first : undefined;
};

type Words = Record<string, string | undefined>;

/**
 * The stored action ("user.role_changed") stays English; the page names it in
 * the user's language, or shows it as stored when it has no name yet.
 */
async function actionNames(): Promise<(action: string) => string> {
  const names = (await getMessages()).audit.actions as Record<string, Words | undefined>;
  return (action) => {
    const [group = "", name = ""] = action.split(/\.(.*)/);
    return names[group]?.[name] ?? action;
  };
}

/**
 * The details' field names stay as stored (JSON names); the words the console
 * writes as values of a few fields (a role, a reason, a way) are translated.
 */
function describe(details: string | null, words: Record<string, Words | undefined>): string {
  if (!details) return "";
  try {
    const parsed = JSON.parse(details) as Record<string, unknown>;
    return Object.entries(parsed)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => {
        const word = (v: unknown) => (typeof v === "string" ? (words[key]?.[v] ?? v) : String(v));
        if (value && typeof value === "object" && "from" in value && "to" in value) {
          const change = value as { from: unknown; to: unknown };
          return `${key}: ${word(change.from)} → ${word(change.to)}`;
        }
        return `${key}: ${typeof value === "object" ? JSON.stringify(value) : word(value)}`;
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
  const t = await getTranslations("audit");
  const nameOf = await actionNames();
  const messages = await getMessages();
  const words = { role: messages.admin.roles, reason: messages.audit.values, via: messages.audit.values };
  const next = new URLSearchParams({
    ...(search.action ? { action: search.action } : {}),
    ...(search.actor ? { actor: search.actor } : {}),
  });
  if (page.nextCursor) next.set("cursor", page.nextCursor);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("heading")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </header>
      <form className="flex flex-wrap items-end gap-3" aria-label={t("filterLabel")}>
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">{t("action")}</span>
          <Select name="action" defaultValue={search.action ?? ""} className="w-56">
            <option value="">{t("allActions")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {nameOf(a)}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-slate-700">{t("actor")}</span>
          <Input name="actor" defaultValue={search.actor ?? ""} className="w-64" />
        </label>
        <Button type="submit">{t("filter")}</Button>
      </form>
      <DataTable
        columns={[
          { label: t("when") },
          { label: t("who") },
          { label: t("action") },
          { label: t("target") },
          { label: t("address") },
          { label: t("details") },
        ]}
        footer={page.events.length === 0 ? <p className="p-4 text-sm text-slate-600">{t("empty")}</p> : null}
      >
        {page.events.map((e) => (
          <tr key={e.id} className="border-t border-slate-100 align-top" data-testid="audit-row">
            <td className="px-3 py-2 whitespace-nowrap">
              <LocalTime iso={e.at} />
            </td>
            <td className="px-3 py-2">{e.actor_email ?? t("console")}</td>
            <td className={`px-3 py-2 text-xs ${nameOf(e.action) === e.action ? "font-mono" : ""}`} title={e.action}>
              {nameOf(e.action)}
            </td>
            <td className="px-3 py-2">{e.target_label ?? "—"}</td>
            <td className="px-3 py-2 font-mono text-xs">{e.ip ?? "—"}</td>
            <td className="px-3 py-2 text-xs text-slate-700">{describe(e.details, words)}</td>
          </tr>
        ))}
      </DataTable>
      {page.nextCursor ? (
        <Link href={`/admin/audit?${next.toString()}`} className="text-sm text-brand-600 hover:underline">
          {t("older")}
        </Link>
      ) : null}
    </div>
  );
}
