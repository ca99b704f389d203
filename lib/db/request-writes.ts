import "server-only";
import { sql, type Kysely, type Transaction } from "kysely";
import { isPostgres } from "./dialect";
import { commitWithoutFlush } from "./durability";
import { GroupCommit } from "./group-commit";
import {
  completedColumns,
  completedEntryFields,
  findByClientToken,
  getRequest,
  pendingRow,
  requestUsers,
  toHistoryEntry,
  type CompletedColumns,
  type CompletedOutcome,
  type HistoryEntry,
  type PendingRequest,
} from "./request-rows";
import { countInRollup } from "./rollups";
import type { Database, RequestRow, RequestUsersTable } from "./schema";
import { startClaimHolder, takeStartClaim } from "./start-claims";
import { storableText } from "./text";

/**
 * Writing attempts: the pending row before a request leaves, its outcome after.
 * Attempts that arrive together are written together (group commit, see
 * group-commit.ts): one transaction for all the pending rows waiting, one for
 * all the outcomes, each with as few statements as the database allows. Each
 * write keeps its own meaning: a reused client token finds its earlier attempt,
 * only a pending row completes, each completed attempt is counted in its
 * hour's rollup once.
 */

/** An identical start holds the claim: nothing was written or sent. */
export class StartClaimedError extends Error {
  override readonly name = "StartClaimedError";
  constructor(readonly previous: HistoryEntry) {
    super(`an identical start (${previous.id}) went out within the window`);
  }
}

export type InsertPendingResult = { inserted: true; id: string; entry: HistoryEntry } | { inserted: false; existing: HistoryEntry };

interface Completion {
  pending: HistoryEntry;
  result: CompletedOutcome;
}

interface Writers {
  inserts: GroupCommit<PendingRequest, InsertPendingResult>;
  completions: GroupCommit<Completion, HistoryEntry>;
}

const writers = new WeakMap<Kysely<Database>, Writers>();

function writersOf(db: Kysely<Database>): Writers {
  let found = writers.get(db);
  if (!found) {
    // One batch of each kind at a time: measured on PostgreSQL, three at once wrote no faster (docs/benchmarks.md).
    const options = { maxInFlight: 1, maxBatch: 256 };
    found = {
      inserts: new GroupCommit(
        (inputs) => insertBatch(db, inputs),
        (input) => insertAlone(db, input),
        options,
      ),
      completions: new GroupCommit(
        (jobs) => completeBatch(db, jobs),
        (job) => completeAlone(db, job),
        options,
      ),
    };
    writers.set(db, found);
  }
  return found;
}

/**
 * Writes the attempt before it is sent. When the same client token was used
 * already (a double click, a resubmitted form), nothing is written and the
 * earlier attempt is returned instead: it must not be sent twice. A start
 * holding the duplicate-start guard's claim is written alone, in the
 * transaction that takes the claim.
 */
export function insertPendingRequest(db: Kysely<Database>, input: PendingRequest): Promise<InsertPendingResult> {
  if (input.claim || db.isTransaction) return insertAlone(db, input);
  return writersOf(db).inserts.submit(input);
}

/**
 * Records an attempt's outcome and returns the completed entry. The hourly
 * rollup counts it in the same transaction, once (only a pending row completes).
 * When the full outcome cannot be written, its kind, status and code are, with
 * a note (the row does not stay pending), and the error is thrown for the
 * caller to log and report as unrecorded.
 */
export function completeRequest(db: Kysely<Database>, pending: HistoryEntry, result: CompletedOutcome): Promise<HistoryEntry> {
  if (db.isTransaction) return completeAlone(db, { pending, result });
  return writersOf(db).completions.submit({ pending, result });
}

function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || (typeof message === "string" && /UNIQUE constraint/i.test(message));
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// Rows per INSERT on SQLite: 31 columns x 400 stays under its 32,766 parameters.
const ROWS_PER_INSERT = 400;
const USERS_PER_INSERT = 2_000;

/** Each column of requests with its PostgreSQL type, for inserting a batch as one array per column. */
const REQUEST_COLUMN_TYPES: { [K in keyof RequestRow]-?: "text" | "bigint" | "integer" } = {
  id: "text",
  client_token: "text",
  command: "text",
  profile_id: "text",
  profile_name: "text",
  sdk_app_id: "bigint",
  admin_identifier: "text",
  base_url: "text",
  operator: "text",
  operator_id: "text",
  url: "text",
  random: "bigint",
  request_body: "text",
  robot_account: "text",
  callees: "text",
  outcome: "text",
  http_status: "integer",
  action_status: "text",
  error_code: "integer",
  error_info: "text",
  request_id: "text",
  request_key: "text",
  retry_of: "text",
  call_id: "text",
  call_result: "text",
  response_body: "text",
  detail: "text",
  latency_ms: "integer",
  created_at: "text",
  completed_at: "text",
  background: "integer",
};
const REQUEST_COLUMNS = Object.keys(REQUEST_COLUMN_TYPES) as (keyof RequestRow)[];

/**
 * A row written alone (in the duplicate-start claim's transaction, or a batch's write retried): a
 * taken submission token is a unique violation here, which insertAlone turns into the earlier attempt.
 */
async function insertRows(trx: Transaction<Database>, rows: RequestRow[], users: RequestUsersTable[]): Promise<void> {
  if (!isPostgres(trx)) {
    for (const chunk of chunks(rows, ROWS_PER_INSERT)) await trx.insertInto("requests").values(chunk).execute();
    for (const chunk of chunks(users, USERS_PER_INSERT)) await trx.insertInto("request_users").values(chunk).execute();
    return;
  }
  if (rows.length > 0) {
    const arrays = REQUEST_COLUMNS.map((c) => sql`${rows.map((row) => row[c])}::${sql.raw(REQUEST_COLUMN_TYPES[c])}[]`);
    await sql`insert into requests (${sql.join(REQUEST_COLUMNS.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(
      trx,
    );
  }
  if (users.length > 0) {
    await sql`insert into request_users (request_pk, user_id, role)
      select * from unnest(${users.map((u) => u.request_pk)}::text[], ${users.map((u) => u.user_id)}::text[], ${users.map((u) => u.role)}::text[])`.execute(
      trx,
    );
  }
}

/**
 * Inserts a batch's rows (and the users of those inserted) except where their submission token is
 * taken already: that row is skipped, not an error, so the rest of the batch stands. Returns the ids
 * inserted. On PostgreSQL one statement over unnest() of one typed array per column (a hundred rows
 * are 31 parameters instead of 3,100, far less for PostgreSQL to parse and plan); the users' insert
 * reads the ids the requests' insert returns. On SQLite, multi-row INSERTs (prepared statements reused).
 */
async function insertNewRows(trx: Transaction<Database>, rows: RequestRow[], users: RequestUsersTable[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  if (rows.length === 0) return inserted;
  if (!isPostgres(trx)) {
    for (const chunk of chunks(rows, ROWS_PER_INSERT)) {
      const ids = await trx
        .insertInto("requests")
        .values(chunk)
        .onConflict((oc) => oc.column("client_token").doNothing())
        .returning("id")
        .execute();
      for (const { id } of ids) inserted.add(id);
    }
    const theirs = users.filter((u) => inserted.has(u.request_pk));
    for (const chunk of chunks(theirs, USERS_PER_INSERT)) await trx.insertInto("request_users").values(chunk).execute();
    return inserted;
  }
  const arrays = REQUEST_COLUMNS.map((c) => sql`${rows.map((row) => row[c])}::${sql.raw(REQUEST_COLUMN_TYPES[c])}[]`);
  const { rows: ids } = await sql<{ id: string }>`
    with ins as (
      insert into requests (${sql.join(REQUEST_COLUMNS.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})
      on conflict (client_token) do nothing
      returning id
    ), users as (
      insert into request_users (request_pk, user_id, role)
      select u.request_pk, u.user_id, u.role
      from unnest(${users.map((u) => u.request_pk)}::text[], ${users.map((u) => u.user_id)}::text[], ${users.map((u) => u.role)}::text[])
        as u(request_pk, user_id, role)
      where u.request_pk in (select id from ins)
    )
    select id from ins
  `.execute(trx);
  for (const { id } of ids) inserted.add(id);
  return inserted;
}

/** The attempts already written under any of these submission tokens. */
async function earlierByToken(trx: Transaction<Database>, tokens: string[]): Promise<Map<string, HistoryEntry>> {
  if (tokens.length === 0) return new Map();
  const rows = isPostgres(trx)
    ? await trx
        .selectFrom("requests")
        .selectAll()
        .where(sql<boolean>`client_token = any(${tokens}::text[])`)
        .execute()
    : await trx.selectFrom("requests").selectAll().where("client_token", "in", tokens).execute();
  return new Map(rows.map((row) => [row.client_token ?? "", toHistoryEntry(row)]));
}

/**
 * Pending rows of attempts that arrived together, in one transaction. A token used earlier in the
 * batch finds that attempt, as it would a moment later; a token already in the database makes its
 * row skipped at insert, and the attempt written under it is returned instead (looked up only then).
 */
async function insertBatch(db: Kysely<Database>, inputs: PendingRequest[]): Promise<InsertPendingResult[]> {
  return db.transaction().execute(async (trx) => {
    const firstByToken = new Map<string, RequestRow>();
    const rows: RequestRow[] = [];
    const users: RequestUsersTable[] = [];
    const planned = inputs.map((input) => {
      const token = input.clientToken;
      const first = token ? firstByToken.get(token) : undefined;
      if (first) return { row: first, twin: true };
      const row = pendingRow(input);
      rows.push(row);
      users.push(...requestUsers(input, row.id));
      if (token) firstByToken.set(token, row);
      return { row, twin: false };
    });
    const inserted = await insertNewRows(trx, rows, users);
    const skipped = rows.flatMap((row) => (inserted.has(row.id) ? [] : [row.client_token ?? ""]));
    const earlier = await earlierByToken(trx, skipped);
    return planned.map(({ row, twin }): InsertPendingResult => {
      if (inserted.has(row.id))
        return twin ? { inserted: false, existing: toHistoryEntry(row) } : { inserted: true, id: row.id, entry: toHistoryEntry(row) };
      const existing = earlier.get(row.client_token ?? "");
      if (!existing) throw new Error("a pending row was neither written nor found under its submission token");
      return { inserted: false, existing };
    });
  });
}

/** One pending row in its own transaction: a start that takes the duplicate-start claim, or a batch's write that failed. */
async function insertAlone(db: Kysely<Database>, input: PendingRequest): Promise<InsertPendingResult> {
  if (input.clientToken) {
    const existing = await findByClientToken(db, input.clientToken);
    if (existing) return { inserted: false, existing };
  }
  const row = pendingRow(input);
  const refused = new Error("start claim refused");
  try {
    await db.transaction().execute(async (trx) => {
      if (input.claim && !(await takeStartClaim(trx, input.claim, row.id))) throw refused;
      await insertRows(trx, [row], requestUsers(input, row.id));
    });
  } catch (error) {
    if (error === refused && input.claim) {
      const holder = await startClaimHolder(db, input.claim.key);
      const previous = holder ? await getRequest(db, holder) : undefined;
      if (previous) throw new StartClaimedError(previous);
      throw new Error("the duplicate-start claim is held by an attempt that is not in history");
    }
    if (input.clientToken && isUniqueViolation(error)) {
      const existing = await findByClientToken(db, input.clientToken);
      if (existing) return { inserted: false, existing };
    }
    throw error;
  }
  return { inserted: true, id: row.id, entry: toHistoryEntry(row) };
}

interface PreparedCompletion {
  pending: HistoryEntry;
  columns: CompletedColumns;
}

function prepare({ pending, result }: Completion): PreparedCompletion {
  // A follow-up's CallId was set when it was written; its answer carries none.
  const completed = completedColumns(result);
  return { pending, columns: { ...completed, call_id: completed.call_id ?? pending.call_id } };
}

const completedEntry = ({ pending, columns }: PreparedCompletion): HistoryEntry => ({ ...pending, ...completedEntryFields(columns) });

/** Sets the outcomes of the rows still pending; returns the ids it completed. */
async function setOutcomes(trx: Transaction<Database>, prepared: PreparedCompletion[]): Promise<Set<string>> {
  if (!isPostgres(trx)) {
    const done = new Set<string>();
    for (const { pending, columns } of prepared) {
      const updated = await trx
        .updateTable("requests")
        .set(columns)
        .where("id", "=", pending.id)
        .where("outcome", "=", "pending")
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 1) done.add(pending.id);
    }
    return done;
  }
  // PostgreSQL: one statement for the whole batch, each column passed as one typed array.
  const column = <K extends keyof CompletedColumns>(key: K) => prepared.map((p) => p.columns[key]);
  const { rows } = await sql<{ id: string }>`
    update requests as r set
      outcome = v.outcome, http_status = v.http_status, action_status = v.action_status, error_code = v.error_code,
      error_info = v.error_info, request_id = v.request_id, request_key = v.request_key, call_id = v.call_id,
      call_result = v.call_result, response_body = v.response_body, detail = v.detail, latency_ms = v.latency_ms,
      completed_at = v.completed_at
    from unnest(
      ${prepared.map((p) => p.pending.id)}::text[], ${column("outcome")}::text[], ${column("http_status")}::integer[],
      ${column("action_status")}::text[], ${column("error_code")}::integer[], ${column("error_info")}::text[],
      ${column("request_id")}::text[], ${column("request_key")}::text[], ${column("call_id")}::text[],
      ${column("call_result")}::text[], ${column("response_body")}::text[], ${column("detail")}::text[],
      ${column("latency_ms")}::integer[], ${column("completed_at")}::text[]
    ) as v(id, outcome, http_status, action_status, error_code, error_info, request_id, request_key, call_id,
           call_result, response_body, detail, latency_ms, completed_at)
    where r.id = v.id and r.outcome = 'pending'
    returning r.id
  `.execute(trx);
  return new Set(rows.map((row) => row.id));
}

/** Outcomes of attempts that completed together, in one transaction, with their rollups. */
async function completeBatch(db: Kysely<Database>, jobs: Completion[]): Promise<HistoryEntry[]> {
  const prepared = jobs.map(prepare);
  await db.transaction().execute(async (trx) => {
    // The pending rows are already durable; the outcomes may skip the flush (see durability.ts).
    await commitWithoutFlush(trx);
    const done = await setOutcomes(trx, prepared);
    // Background reads are hidden from the history list by default, so the overview (whose bars open that list) leaves them out too.
    const counted = prepared.filter((p) => done.has(p.pending.id) && p.pending.background !== 1);
    await countInRollup(
      trx,
      counted.map((p) => ({ ...p.pending, ...p.columns })),
    );
  });
  return prepared.map(completedEntry);
}

/**
 * One outcome in its own transaction (a batch's write that failed). When even
 * that fails, the outcome's kind, status and code are written with a note, so
 * the row does not stay pending, and the error is thrown.
 */
async function completeAlone(db: Kysely<Database>, job: Completion): Promise<HistoryEntry> {
  const prepared = prepare(job);
  const { pending, columns } = prepared;
  try {
    await db.transaction().execute(async (trx) => {
      await commitWithoutFlush(trx);
      const done = await setOutcomes(trx, [prepared]);
      if (done.has(pending.id) && pending.background !== 1) await countInRollup(trx, [{ ...pending, ...columns }]);
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await db
      .updateTable("requests")
      .set({
        outcome: columns.outcome,
        http_status: columns.http_status,
        error_code: columns.error_code,
        latency_ms: columns.latency_ms,
        detail: storableText(`the full answer could not be stored (${reason.slice(0, 200)})`),
        completed_at: columns.completed_at,
      })
      .where("id", "=", pending.id)
      .where("outcome", "=", "pending")
      .execute()
      .catch(() => undefined);
    throw error;
  }
  return completedEntry(prepared);
}
