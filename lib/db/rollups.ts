import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, RequestRollupsTable } from "./schema";

/**
 * Completed attempts per hour, profile, outcome and ErrorCode, counted in the
 * transaction that completes each attempt, so the overview reads a few
 * thousand rows instead of every attempt. The hour is the attempt's creation
 * hour (UTC), so an attempt that completes late still counts where it was
 * sent. Background reads are left out, as the history list leaves them out by default. Latencies are kept as a histogram of fixed buckets: a percentile read
 * from it is the upper bound of the bucket it falls in (see LATENCY_BUCKETS_MS).
 */

/** Upper bounds (ms) of buckets h0..h14; h15 holds everything slower than the last. */
export const LATENCY_BUCKETS_MS = [25, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10_000] as const;
export const BUCKET_COUNT = LATENCY_BUCKETS_MS.length + 1;
type BucketColumn = `h${number}` & keyof RequestRollupsTable;
export const BUCKET_COLUMNS = Array.from({ length: BUCKET_COUNT }, (_, i) => `h${i}` as BucketColumn);

export function bucketOf(latencyMs: number): number {
  const i = LATENCY_BUCKETS_MS.findIndex((upper) => latencyMs <= upper);
  return i === -1 ? LATENCY_BUCKETS_MS.length : i;
}

/** "2026-11-26T08" from an ISO time. */
export const hourOf = (iso: string) => iso.slice(0, 13);

export interface RollupInput {
  created_at: string;
  profile_id: string | null;
  profile_name: string;
  outcome: string;
  error_code: number | null;
  latency_ms: number | null;
}

/**
 * Adds completed attempts to their hours (called inside the completing
 * transaction): one upsert per hour, profile, outcome and ErrorCode among them,
 * in the key's order, so transactions counting into the same rows never wait
 * for each other in a circle.
 */
export async function countInRollup(trx: Transaction<Database> | Kysely<Database>, rows: RollupInput[]): Promise<void> {
  const groups = new Map<string, RequestRollupsTable>();
  for (const row of rows) {
    const hour = hourOf(row.created_at);
    const profileKey = row.profile_id ?? "";
    const errorCode = row.error_code ?? 0;
    const key = JSON.stringify([hour, profileKey, row.outcome, errorCode]);
    let group = groups.get(key);
    if (!group) {
      const buckets = Object.fromEntries(BUCKET_COLUMNS.map((c) => [c, 0])) as Record<BucketColumn, number>;
      group = {
        hour,
        profile_key: profileKey,
        profile_name: row.profile_name,
        outcome: row.outcome,
        error_code: errorCode,
        attempts: 0,
        latency_count: 0,
        latency_sum: 0,
        ...buckets,
      };
      groups.set(key, group);
    }
    group.profile_name = row.profile_name;
    group.attempts += 1;
    if (row.latency_ms !== null) {
      group.latency_count += 1;
      group.latency_sum += row.latency_ms;
      group[`h${bucketOf(row.latency_ms)}` as BucketColumn] += 1;
    }
  }
  for (const key of [...groups.keys()].sort()) {
    const values = groups.get(key);
    if (!values) continue;
    await trx
      .insertInto("request_rollups")
      .values(values)
      .onConflict((oc) =>
        oc.columns(["hour", "profile_key", "outcome", "error_code"]).doUpdateSet((eb) => ({
          profile_name: eb.ref("excluded.profile_name"),
          attempts: eb("request_rollups.attempts", "+", eb.ref("excluded.attempts")),
          latency_count: eb("request_rollups.latency_count", "+", eb.ref("excluded.latency_count")),
          latency_sum: eb("request_rollups.latency_sum", "+", eb.ref("excluded.latency_sum")),
          ...Object.fromEntries(BUCKET_COLUMNS.map((c) => [c, eb(`request_rollups.${c}`, "+", eb.ref(`excluded.${c}`))])),
        })),
      )
      .execute();
  }
}

/**
 * Recounts every hour from history, in one transaction. On PostgreSQL the
 * table is locked first, so attempts completing meanwhile are counted after
 * the rebuild, never twice or not at all.
 */
export async function rebuildRollups(db: Kysely<Database>, dialect: "sqlite" | "postgres"): Promise<{ rows: number }> {
  return db.transaction().execute(async (trx) => {
    if (dialect === "postgres") await sql`lock table request_rollups in exclusive mode`.execute(trx);
    await trx.deleteFrom("request_rollups").execute();
    const bucket = (i: number) => {
      const lower = i === 0 ? null : LATENCY_BUCKETS_MS[i - 1];
      const upper = i < LATENCY_BUCKETS_MS.length ? LATENCY_BUCKETS_MS[i] : null;
      const conditions = [
        "latency_ms is not null",
        ...(lower === null || lower === undefined ? [] : [`latency_ms > ${lower}`]),
        ...(upper === null || upper === undefined ? [] : [`latency_ms <= ${upper}`]),
      ];
      return sql.raw(`sum(case when ${conditions.join(" and ")} then 1 else 0 end)`);
    };
    await sql`
      insert into request_rollups (hour, profile_key, profile_name, outcome, error_code, attempts, latency_count, latency_sum,
        ${sql.raw(BUCKET_COLUMNS.join(", "))})
      select substr(created_at, 1, 13), coalesce(profile_id, ''), max(profile_name), outcome, coalesce(error_code, 0),
        count(*), count(latency_ms), coalesce(sum(latency_ms), 0), ${sql.join(BUCKET_COLUMNS.map((_, i) => bucket(i)))}
      from requests
      where outcome <> 'pending' and background = 0
      group by substr(created_at, 1, 13), coalesce(profile_id, ''), outcome, coalesce(error_code, 0)
    `.execute(trx);
    const count = await trx
      .selectFrom("request_rollups")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return { rows: Number(count.n) };
  });
}

export type RollupRow = RequestRollupsTable;

/** Every rollup row from an hour on (served by the primary key, which starts with the hour). */
export async function readRollups(db: Kysely<Database>, sinceHour: string): Promise<RollupRow[]> {
  const rows = await db.selectFrom("request_rollups").selectAll().where("hour", ">=", sinceHour).execute();
  // PostgreSQL returns bigint sums as numbers (see connection.ts); counts stay numbers.
  return rows.map((r) => ({ ...r, latency_sum: Number(r.latency_sum) }));
}

/**
 * The latency at a share (0.5, 0.95) of a histogram: the upper bound of the
 * bucket holding that rank; above the last bound, the last bound is reported
 * as "more than". Null with no samples.
 */
export function percentileOf(counts: number[], share: number): { ms: number; above: boolean } | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(share * total));
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i] ?? 0;
    if (seen >= rank) {
      const upper = LATENCY_BUCKETS_MS[i];
      return upper === undefined
        ? { ms: LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1] ?? 0, above: true }
        : { ms: upper, above: false };
    }
  }
  return null;
}

export interface WindowRollups {
  /** Per profile, outcome and ErrorCode over the window (hour is ""). */
  totals: RollupRow[];
  /** Attempts per hour, profile and outcome. */
  outcomes: { hour: string; profile_key: string; outcome: string; attempts: number }[];
  /** The latency histogram per hour and profile (h0..h15). */
  latency: ({ hour: string; profile_key: string } & Record<BucketColumn, number>)[];
  /** API errors per hour, profile and ErrorCode. */
  errors: { hour: string; profile_key: string; error_code: number; attempts: number }[];
}

/**
 * A window summed in the database (four grouped reads over its few thousand
 * rows), so only what the overview draws crosses into JavaScript.
 */
export async function readWindow(db: Kysely<Database>, sinceHour: string): Promise<WindowRollups> {
  const sums = BUCKET_COLUMNS.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c));
  const from = db.selectFrom("request_rollups").where("hour", ">=", sinceHour);
  const [totals, outcomes, latency, errors] = await Promise.all([
    from
      .select((eb) => [
        sql<string>`''`.as("hour"),
        "profile_key",
        eb.fn.max("profile_name").as("profile_name"),
        "outcome",
        "error_code",
        eb.fn.sum<number>("attempts").as("attempts"),
        eb.fn.sum<number>("latency_count").as("latency_count"),
        eb.fn.sum<number>("latency_sum").as("latency_sum"),
        ...sums,
      ])
      .groupBy(["profile_key", "outcome", "error_code"])
      .execute(),
    from
      .select((eb) => ["hour", "profile_key", "outcome", eb.fn.sum<number>("attempts").as("attempts")])
      .groupBy(["hour", "profile_key", "outcome"])
      .execute(),
    from
      .select(["hour", "profile_key", ...sums])
      .groupBy(["hour", "profile_key"])
      .execute(),
    from
      .where("outcome", "=", "api-error")
      .select((eb) => ["hour", "profile_key", "error_code", eb.fn.sum<number>("attempts").as("attempts")])
      .groupBy(["hour", "profile_key", "error_code"])
      .execute(),
  ]);
  // PostgreSQL sums are numeric (text in node-postgres): every count becomes a number.
  const numeric = new Set<string>(["attempts", "latency_count", "latency_sum", "error_code", ...BUCKET_COLUMNS]);
  const num = <T extends object>(row: T): T =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, numeric.has(k) && v !== null ? Number(v) : v])) as T;
  return {
    totals: totals.map((r) => num(r) as RollupRow),
    outcomes: outcomes.map(num),
    latency: latency.map((r) => num(r) as WindowRollups["latency"][number]),
    errors: errors.map(num),
  };
}
