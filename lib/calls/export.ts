import "server-only";
import type { Kysely } from "kysely";
import { type HistoryEntry } from "@/lib/db/requests";
import { listRequests } from "@/lib/db/history-list";
import type { Database } from "@/lib/db/schema";
import type { HistoryFilters } from "@/lib/forms/history-filters";

/** The exported columns: what support needs, nothing secret (URLs carry <USERSIG>; no key is ever in a row). */
const COLUMNS: { name: string; value: (e: HistoryEntry) => unknown }[] = [
  { name: "id", value: (e) => e.id },
  { name: "created_at", value: (e) => e.created_at },
  { name: "completed_at", value: (e) => e.completed_at },
  { name: "profile", value: (e) => e.profile_name },
  { name: "sdkappid", value: (e) => e.sdk_app_id },
  { name: "identifier", value: (e) => e.admin_identifier },
  { name: "command", value: (e) => e.command },
  { name: "operator", value: (e) => e.operator },
  { name: "robot_account", value: (e) => e.robot_account },
  { name: "callees", value: (e) => e.callees.join(" ") },
  { name: "outcome", value: (e) => e.outcome },
  { name: "http_status", value: (e) => e.http_status },
  { name: "action_status", value: (e) => e.action_status },
  { name: "error_code", value: (e) => e.error_code },
  { name: "error_info", value: (e) => e.error_info },
  { name: "request_id", value: (e) => e.request_id },
  { name: "call_id", value: (e) => e.call_id },
  { name: "latency_ms", value: (e) => e.latency_ms },
  { name: "random", value: (e) => e.random },
  { name: "url", value: (e) => e.url },
  { name: "request_body", value: (e) => JSON.stringify(e.requestBody) },
];

/**
 * One CSV field (RFC 4180). A text starting with = + - @ is prefixed with '
 * so that a spreadsheet shows it instead of running it as a formula.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(entry: HistoryEntry): string {
  return `${COLUMNS.map((c) => csvField(c.value(entry))).join(",")}\r\n`;
}

export function jsonRecord(entry: HistoryEntry): Record<string, unknown> {
  return Object.fromEntries(COLUMNS.map((c) => [c.name, c.name === "request_body" ? entry.requestBody : c.value(entry)]));
}

const PAGE = 500;

/**
 * Streams every entry the filters match, newest first, a keyset page at a
 * time: memory stays flat however many rows there are.
 */
export function exportHistory(db: Kysely<Database>, filters: HistoryFilters, format: "csv" | "json"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  let first = true;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(format === "csv" ? `${COLUMNS.map((c) => c.name).join(",")}\r\n` : "[\n"));
      }
      const page = await listRequests(db, { ...filters, cursor, limit: PAGE });
      let chunk = "";
      for (const entry of page.entries) {
        if (format === "csv") chunk += csvLine(entry);
        else {
          chunk += `${first ? "" : ",\n"}${JSON.stringify(jsonRecord(entry))}`;
          first = false;
        }
      }
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (page.nextCursor) {
        cursor = page.nextCursor;
      } else {
        done = true;
        if (format === "json") controller.enqueue(encoder.encode("\n]\n"));
        controller.close();
      }
    },
  });
}
