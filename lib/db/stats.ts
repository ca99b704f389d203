import "server-only";
import type { Kysely } from "kysely";
import { encodeTime } from "ulid";
import type { Database, RequestOutcome } from "./schema";

export interface ProfileStats {
  profileId: string | null;
  profileName: string;
  total: number;
  byOutcome: Partial<Record<RequestOutcome, number>>;
  topErrors: { code: number; count: number }[];
  latency: { median: number | null; p95: number | null; samples: number };
}

const floor = (since: Date) => `${encodeTime(since.getTime(), 10)}0000000000000000`;

/** The value at a rank of the window's ordered latencies (nearest rank), for one profile. */
async function latencyAt(
  db: Kysely<Database>,
  since: Date,
  profileId: string | null,
  count: number,
  share: number,
): Promise<number | null> {
  if (count === 0) return null;
  let query = db.selectFrom("requests").select("latency_ms").where("id", ">=", floor(since)).where("latency_ms", "is not", null);
  query = profileId === null ? query.where("profile_id", "is", null) : query.where("profile_id", "=", profileId);
  const row = await query
    .orderBy("latency_ms")
    .limit(1)
    .offset(Math.max(0, Math.ceil(share * count) - 1))
    .executeTakeFirst();
  return row?.latency_ms ?? null;
}

/** Attempts since a time, per profile: outcomes, the most frequent error codes, latency median and 95th percentile. */
export async function statsSince(db: Kysely<Database>, since: Date): Promise<ProfileStats[]> {
  const start = floor(since);
  const outcomes = await db
    .selectFrom("requests")
    .select(["profile_id", "profile_name", "outcome", (eb) => eb.fn.countAll().as("n")])
    .where("id", ">=", start)
    .groupBy(["profile_id", "profile_name", "outcome"])
    .execute();
  const errors = await db
    .selectFrom("requests")
    .select(["profile_id", "error_code", (eb) => eb.fn.countAll().as("n")])
    .where("id", ">=", start)
    .where("outcome", "=", "api-error")
    .groupBy(["profile_id", "error_code"])
    .execute();
  const latencies = await db
    .selectFrom("requests")
    .select(["profile_id", (eb) => eb.fn.count("latency_ms").as("n")])
    .where("id", ">=", start)
    .groupBy("profile_id")
    .execute();

  const byProfile = new Map<string, ProfileStats>();
  const keyOf = (id: string | null) => id ?? "";
  for (const row of outcomes) {
    const key = keyOf(row.profile_id);
    const stats = byProfile.get(key) ?? {
      profileId: row.profile_id,
      profileName: row.profile_name,
      total: 0,
      byOutcome: {},
      topErrors: [],
      latency: { median: null, p95: null, samples: 0 },
    };
    const n = Number(row.n);
    stats.total += n;
    stats.byOutcome[row.outcome] = (stats.byOutcome[row.outcome] ?? 0) + n;
    byProfile.set(key, stats);
  }
  for (const row of errors) {
    const stats = byProfile.get(keyOf(row.profile_id));
    if (stats && row.error_code !== null) stats.topErrors.push({ code: row.error_code, count: Number(row.n) });
  }
  for (const stats of byProfile.values()) {
    stats.topErrors = stats.topErrors.sort((a, b) => b.count - a.count || a.code - b.code).slice(0, 8);
    const samples = Number(latencies.find((l) => keyOf(l.profile_id) === keyOf(stats.profileId))?.n ?? 0);
    stats.latency = {
      samples,
      median: await latencyAt(db, since, stats.profileId, samples, 0.5),
      p95: await latencyAt(db, since, stats.profileId, samples, 0.95),
    };
  }
  return [...byProfile.values()].sort((a, b) => b.total - a.total);
}
