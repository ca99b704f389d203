import "server-only";
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";

/**
 * Migrations live in the repository and run at start (and before tests). They
 * use only portable column types: text, integer, bigint.
 */
const migrations: Record<string, Migration> = {
  "0001-history-and-profiles": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("profiles")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull().unique())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("sdk_app_id", "bigint", (c) => c.notNull())
        .addColumn("admin_identifier", "text", (c) => c.notNull())
        .addColumn("region", "text")
        .addColumn("base_url", "text")
        .addColumn("secret_key_enc", "text", (c) => c.notNull())
        .addColumn("key_fingerprint", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("requests")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("client_token", "text", (c) => c.unique())
        .addColumn("command", "text", (c) => c.notNull())
        .addColumn("profile_id", "text", (c) => c.references("profiles.id").onDelete("set null"))
        .addColumn("profile_name", "text", (c) => c.notNull())
        .addColumn("sdk_app_id", "bigint", (c) => c.notNull())
        .addColumn("admin_identifier", "text", (c) => c.notNull())
        .addColumn("base_url", "text", (c) => c.notNull())
        .addColumn("operator", "text")
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("random", "bigint", (c) => c.notNull())
        .addColumn("request_body", "text", (c) => c.notNull())
        .addColumn("robot_account", "text")
        .addColumn("callees", "text")
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("http_status", "integer")
        .addColumn("action_status", "text")
        .addColumn("error_code", "integer")
        .addColumn("error_info", "text")
        .addColumn("request_id", "text")
        .addColumn("call_id", "text")
        .addColumn("call_result", "text")
        .addColumn("response_body", "text")
        .addColumn("detail", "text")
        .addColumn("latency_ms", "integer")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("completed_at", "text")
        .execute();
      await db.schema.createIndex("requests_request_id").on("requests").column("request_id").execute();
      await db.schema.createIndex("requests_call_id").on("requests").column("call_id").execute();
      await db.schema.createIndex("requests_outcome_id").on("requests").columns(["outcome", "id"]).execute();
      await db.schema.createIndex("requests_error_code_id").on("requests").columns(["error_code", "id"]).execute();
      await db.schema.createIndex("requests_profile_id").on("requests").columns(["profile_id", "id"]).execute();

      await db.schema
        .createTable("request_users")
        .addColumn("request_pk", "text", (c) => c.notNull().references("requests.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("request_users_pk", ["request_pk", "user_id", "role"])
        .execute();
      await db.schema.createIndex("request_users_user_id").on("request_users").columns(["user_id", "request_pk"]).execute();
    },
  },
  "0002-users-sessions-audit": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("password_hash", "text")
        .addColumn("disabled_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("ip", "text")
        .addColumn("user_agent", "text")
        .execute();
      await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();
      await db.schema
        .createTable("user_tokens")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("purpose", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("cascade"))
        .addColumn("created_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .execute();
      await db.schema
        .createTable("login_failures")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("count", "integer", (c) => c.notNull())
        .addColumn("first_at", "text", (c) => c.notNull())
        .addColumn("locked_until", "text")
        .execute();
      await db.schema
        .createTable("audit_events")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_id", "text")
        .addColumn("actor_email", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target_type", "text")
        .addColumn("target_id", "text")
        .addColumn("target_label", "text")
        .addColumn("ip", "text")
        .addColumn("details", "text")
        .execute();
      await db.schema.createIndex("audit_events_action_id").on("audit_events").columns(["action", "id"]).execute();
      await db.schema.createIndex("audit_events_actor_id").on("audit_events").columns(["actor_id", "id"]).execute();
      await db.schema.alterTable("requests").addColumn("operator_id", "text").execute();
      await db.schema.createIndex("requests_operator_id").on("requests").columns(["operator_id", "id"]).execute();
    },
  },
  "0003-history-filters": {
    async up(db: Kysely<unknown>) {
      // The 32 hex digits of a RequestId, lower-cased: partial RequestIds are prefix ranges on this.
      await db.schema.alterTable("requests").addColumn("request_key", "text").execute();
      await db.schema.createIndex("requests_request_key").on("requests").column("request_key").execute();
      await db.schema.createIndex("requests_command_id").on("requests").columns(["command", "id"]).execute();
    },
  },
  "0004-call-events": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("call_events")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("received_at", "text", (c) => c.notNull())
        .addColumn("sdk_app_id", "bigint")
        .addColumn("profile_id", "text")
        .addColumn("command", "text", (c) => c.notNull())
        .addColumn("call_id", "text")
        .addColumn("event_time", "bigint")
        .addColumn("accepted", "integer", (c) => c.notNull())
        .addColumn("problems", "text")
        .addColumn("summary", "text")
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("client_ip", "text")
        .execute();
      await db.schema.createIndex("call_events_call_id").on("call_events").columns(["call_id", "id"]).execute();
    },
  },
  "0005-webhook-tokens": {
    async up(db: Kysely<unknown>) {
      // Each profile's receiver URL carries a token: its SHA-256 finds it, its encrypted copy is shown to admins.
      await db.schema
        .createTable("webhook_tokens")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("profile_id", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("token_enc", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        // Null while current; set when rotated (the end of its grace period).
        .addColumn("expires_at", "text")
        .execute();
      await db.schema.createIndex("webhook_tokens_profile_id").on("webhook_tokens").columns(["profile_id", "id"]).execute();
      await db.schema
        .createTable("webhook_counters")
        .addColumn("profile_id", "text", (c) => c.primaryKey())
        .addColumn("accepted", "bigint", (c) => c.notNull().defaultTo(0))
        .addColumn("refused", "bigint", (c) => c.notNull().defaultTo(0))
        .addColumn("dropped", "bigint", (c) => c.notNull().defaultTo(0))
        .addColumn("trimmed", "bigint", (c) => c.notNull().defaultTo(0))
        .execute();
      // The per-profile storage cap removes a profile's oldest events: a range of this index.
      await db.schema.createIndex("call_events_profile_id").on("call_events").columns(["profile_id", "id"]).execute();
    },
  },
  "0006-start-claims": {
    async up(db: Kysely<unknown>) {
      // One row per identical start (profile, robot, sorted callees): claimed atomically, so the
      // duplicate-start guard holds when instances receive the same start at the same moment.
      await db.schema
        .createTable("start_claims")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("claimed_at_ms", "bigint", (c) => c.notNull())
        .addColumn("client_token", "text")
        .addColumn("request_pk", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0007-backup-domains": {
    async up(db: Kysely<unknown>) {
      // A profile may send to its region's documented backup domain (*.my-imcloud.com) instead of the primary.
      await db.schema
        .alterTable("profiles")
        .addColumn("use_backup", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      // The attempt a resend to the backup domain repeats (the primary could not be reached: nothing was sent).
      await db.schema.alterTable("requests").addColumn("retry_of", "text").execute();
      await db.schema.createIndex("requests_retry_of").on("requests").column("retry_of").execute();
    },
  },
  "0008-calls-templates-rollups": {
    async up(db: Kysely<unknown>) {
      // Status reads made by watching a call: kept, linked to the call, hidden from the list by default.
      await db.schema
        .alterTable("requests")
        .addColumn("background", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable("call_templates")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull().unique())
        .addColumn("profile_id", "text")
        .addColumn("profile_name", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("owner_id", "text")
        .addColumn("owner_email", "text")
        .addColumn("updated_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      // Completed attempts per hour (of creation), profile, outcome and ErrorCode, with a latency histogram.
      let rollups = db.schema
        .createTable("request_rollups")
        .addColumn("hour", "text", (c) => c.notNull())
        .addColumn("profile_key", "text", (c) => c.notNull())
        .addColumn("profile_name", "text", (c) => c.notNull())
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("error_code", "integer", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("latency_count", "integer", (c) => c.notNull())
        .addColumn("latency_sum", "bigint", (c) => c.notNull());
      for (let i = 0; i < 16; i++) rollups = rollups.addColumn(`h${i}`, "integer", (c) => c.notNull().defaultTo(0));
      await rollups.addPrimaryKeyConstraint("request_rollups_pk", ["hour", "profile_key", "outcome", "error_code"]).execute();
    },
  },
  "0009-simulator-state": {
    async up(db: Kysely<unknown>) {
      // The built-in simulator's calls: what was asked and the planned times from which every read derives its state.
      await db.schema
        .createTable("sim_calls")
        .addColumn("call_id", "text", (c) => c.primaryKey())
        .addColumn("caller", "text", (c) => c.notNull())
        .addColumn("callees", "text", (c) => c.notNull())
        .addColumn("call_type", "text", (c) => c.notNull())
        .addColumn("media_type", "text", (c) => c.notNull())
        .addColumn("room_id", "text", (c) => c.notNull())
        .addColumn("room_id_type", "integer", (c) => c.notNull())
        .addColumn("start_ms", "bigint", (c) => c.notNull())
        .addColumn("changes", "text", (c) => c.notNull())
        .addColumn("accept_ms", "bigint")
        .addColumn("ends_at_ms", "bigint", (c) => c.notNull())
        .addColumn("result", "text", (c) => c.notNull())
        .addColumn("record_at_ms", "bigint", (c) => c.notNull())
        .addColumn("hung_up", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      // Live calls are counted by their end; records are listed, and expired, by their start.
      await db.schema.createIndex("sim_calls_ends_at").on("sim_calls").column("ends_at_ms").execute();
      await db.schema.createIndex("sim_calls_start").on("sim_calls").columns(["start_ms", "call_id"]).execute();
      await db.schema
        .createTable("sim_callbacks")
        .addColumn("sdk_app_id", "bigint", (c) => c.primaryKey())
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("commands", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0010-user-locale": {
    async up(db: Kysely<unknown>) {
      // The language a user chose (null: the browser's Accept-Language decides).
      await db.schema.alterTable("users").addColumn("locale", "text").execute();
    },
  },
  "0011-sparse-indexes": {
    async up(db: Kysely<unknown>) {
      // Columns empty on most rows (every pending row; retry_of and operator_id on nearly all) are indexed
      // only where they hold a value: each write maintains fewer index entries, and every lookup on them
      // (=, IN, a range) still uses the index, since it implies the value is not null.
      const sparse: [name: string, columns: string[]][] = [
        ["requests_request_id", ["request_id"]],
        ["requests_request_key", ["request_key"]],
        ["requests_call_id", ["call_id"]],
        ["requests_retry_of", ["retry_of"]],
        ["requests_error_code_id", ["error_code", "id"]],
        ["requests_operator_id", ["operator_id", "id"]],
      ];
      for (const [name, columns] of sparse) {
        const column = columns[0] ?? "";
        await db.schema.dropIndex(name).execute();
        await db.schema
          .createIndex(name)
          .on("requests")
          .columns(columns)
          .where(sql<boolean>`${sql.ref(column)} is not null`)
          .execute();
      }
    },
  },
  "0012-request-id-by-key": {
    async up(db: Kysely<unknown>) {
      // A RequestId is found by its hex key (requests_request_key), which every standard one has; the
      // RequestId itself is indexed only where there is no key (a non-standard one, or a row written before
      // 0003 added the key). Each completed attempt writes one random index entry fewer.
      await db.schema.dropIndex("requests_request_id").execute();
      await db.schema
        .createIndex("requests_request_id_unkeyed")
        .on("requests")
        .column("request_id")
        .where(sql<boolean>`request_id is not null and request_key is null`)
        .execute();
    },
  },
};

const provider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
