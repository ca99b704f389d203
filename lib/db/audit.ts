import "server-only";
import type { Kysely } from "kysely";
import { monotonicFactory } from "ulid";
import type { AuditEventRow, Database } from "./schema";

const nextId = monotonicFactory();

export interface AuditInput {
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  targetLabel?: string | null;
  ip?: string | null;
  /** What changed. Callers pass names and non-secret values only. */
  details?: Record<string, unknown> | null;
}

export async function insertAuditEvent(db: Kysely<Database>, input: AuditInput): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      id: nextId(),
      at: new Date().toISOString(),
      actor_id: input.actorId,
      actor_email: input.actorEmail,
      action: input.action,
      target_type: input.targetType ?? null,
      target_id: input.targetId ?? null,
      target_label: input.targetLabel ?? null,
      ip: input.ip ?? null,
      details: input.details ? JSON.stringify(input.details) : null,
    })
    .execute();
}

/** An audit event by an actor about a target (a user or a profile). */
export function auditBy(
  db: Kysely<Database>,
  actor: { user: { id: string; email: string }; ip: string | null },
  action: string,
  target: { type: string; id: string; label: string },
  details?: Record<string, unknown>,
): Promise<void> {
  return insertAuditEvent(db, {
    actorId: actor.user.id,
    actorEmail: actor.user.email,
    action,
    targetType: target.type,
    targetId: target.id,
    targetLabel: target.label,
    ip: actor.ip,
    details,
  });
}

export interface AuditQuery {
  action?: string;
  /** Matches the actor's email exactly (lower-cased). */
  actor?: string;
  cursor?: string;
  limit: number;
}

export async function listAuditEvents(
  db: Kysely<Database>,
  query: AuditQuery,
): Promise<{ events: AuditEventRow[]; nextCursor: string | null }> {
  let select = db.selectFrom("audit_events").selectAll();
  if (query.action) select = select.where("action", "=", query.action);
  if (query.actor) select = select.where("actor_email", "=", query.actor.trim().toLowerCase());
  if (query.cursor) select = select.where("id", "<", query.cursor);
  const rows = await select
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  const more = rows.length > query.limit;
  const events = more ? rows.slice(0, query.limit) : rows;
  return { events, nextCursor: more ? (events[events.length - 1]?.id ?? null) : null };
}

export async function listAuditActions(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom("audit_events").select("action").distinct().orderBy("action").execute();
  return rows.map((r) => r.action);
}
