import "server-only";
/** Table types of the console's database (SQLite and PostgreSQL alike). */
import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { Outcome } from "@/lib/tencent/outcomes";

export type ProfileKind = "simulator" | "environment" | "custom";

export interface ProfilesTable {
  id: string;
  name: string;
  kind: ProfileKind;
  sdk_app_id: number;
  admin_identifier: string;
  /** A region id, or null when base_url is set (or for the simulator). */
  region: string | null;
  base_url: string | null;
  /** 1: send to the region's backup domain (*.my-imcloud.com) instead of its primary. */
  use_backup: Generated<number>;
  /** AES-256-GCM, see lib/secrets. Never selected for pages. */
  secret_key_enc: string;
  key_fingerprint: string;
  created_at: string;
  updated_at: string;
}

/** A profile's webhook token: the hash finds it, the encrypted copy is shown to admins (see lib/secrets). */
export interface WebhookTokensTable {
  id: string;
  profile_id: string;
  token_hash: string;
  token_enc: string;
  created_at: string;
  expires_at: string | null;
}

/** Per profile: events stored, refused (no or wrong token), dropped (rate limit), trimmed (storage cap). "-" for no profile. */
export interface WebhookCountersTable {
  profile_id: string;
  accepted: number;
  refused: number;
  dropped: number;
  trimmed: number;
}

/** Declared once in lib/tencent/outcomes.ts. */
export type RequestOutcome = Outcome;

/** One row per attempt, written before sending and completed after. No UserSig, no SecretKey. */
export interface RequestsTable {
  /** ULID: sorts by creation time, so keyset pagination is on the primary key. */
  id: string;
  /** The browser's submission token: a second submission with it never sends again. */
  client_token: string | null;
  command: string;
  profile_id: string | null;
  profile_name: string;
  sdk_app_id: number;
  admin_identifier: string;
  base_url: string;
  /** The email of the user who sent it, as it was then. */
  operator: string | null;
  operator_id: string | null;
  /** The URL as sent, with usersig replaced by a placeholder. */
  url: string;
  random: number;
  request_body: string;
  robot_account: string | null;
  /** JSON list of callees, for display. The searchable copy is request_users. */
  callees: string | null;
  outcome: RequestOutcome;
  http_status: number | null;
  action_status: string | null;
  error_code: number | null;
  error_info: string | null;
  request_id: string | null;
  /** The id of the attempt this one resends to the backup domain (the primary could not be reached), or null. */
  retry_of: string | null;
  /** The 32 hex digits of request_id, lower-cased, for partial lookups. */
  request_key: string | null;
  call_id: string | null;
  /** JSON list of {Callee_Account, ResultCode}. */
  call_result: string | null;
  /** The JSON answer, or the start of a raw one. */
  response_body: string | null;
  detail: string | null;
  latency_ms: number | null;
  created_at: string;
  completed_at: string | null;
  /** 1 for status reads made by watching a call: hidden from the history list unless asked for. */
  background: Generated<number>;
}

/** Roles, weakest first (lib/forms/roles.ts labels them for the browser; lib/auth checks they agree). */
export type Role = "viewer" | "operator" | "admin";

export interface UsersTable {
  id: string;
  /** Lower-cased. */
  email: string;
  role: Role;
  /** scrypt, see lib/auth/passwords. Null until an invited user sets one. */
  password_hash: string | null;
  disabled_at: string | null;
  /** The language the user chose ("en", "zh-CN"); null: the browser's Accept-Language decides. */
  locale: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session token: the token itself is only ever in the browser's cookie. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute end, whatever the activity. */
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export type UserTokenPurpose = "setup" | "invite" | "reset";

/** One-time links: first-run setup, invitations, password resets. Stored hashed. */
export interface UserTokensTable {
  id: string;
  purpose: UserTokenPurpose;
  user_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Failed sign-ins per account ("email:...") and per client address ("ip:..."). */
export interface LoginFailuresTable {
  key: string;
  count: number;
  first_at: string;
  locked_until: string | null;
}

export interface AuditEventsTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  ip: string | null;
  /** JSON: what changed. Never a secret value. */
  details: string | null;
}

/** Webhook events, each kept with its raw body, whatever is wrong with it. */
export interface CallEventsTable {
  id: string;
  received_at: string;
  sdk_app_id: number | null;
  profile_id: string | null;
  command: string;
  call_id: string | null;
  /** EventTime, ms. */
  event_time: number | null;
  /** 1 when the SdkAppid belongs to a profile, 0 when the event was refused. */
  accepted: number;
  /** JSON list of what was malformed. */
  problems: string | null;
  /** JSON: the parsed event. */
  summary: string | null;
  payload: string;
  client_ip: string | null;
}

export interface RequestUsersTable {
  request_pk: string;
  user_id: string;
  role: "robot" | "callee";
}

/** The latest start of each (profile, robot, sorted callees), for the duplicate-start guard. */
export interface StartClaimsTable {
  /** SHA-256 of the profile, robot and sorted callees. */
  key: string;
  claimed_at_ms: number;
  client_token: string | null;
  /** The attempt that holds the claim. */
  request_pk: string;
}

/** A named start_call_by_robot body and its profile, shared by the team. Never a secret. */
export interface CallTemplatesTable {
  id: string;
  name: string;
  /** Null once the profile is deleted: the template then says so when opened. */
  profile_id: string | null;
  profile_name: string;
  /** JSON: the API body. */
  body: string;
  owner_id: string | null;
  owner_email: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Per hour (UTC, "YYYY-MM-DDTHH" of the attempt's creation), profile, outcome and ErrorCode (0: none). */
export interface RequestRollupsTable {
  hour: string;
  /** The profile id, or "" for attempts whose profile is gone. */
  profile_key: string;
  profile_name: string;
  outcome: string;
  error_code: number;
  attempts: number;
  latency_count: number;
  latency_sum: number;
  h0: number;
  h1: number;
  h2: number;
  h3: number;
  h4: number;
  h5: number;
  h6: number;
  h7: number;
  h8: number;
  h9: number;
  h10: number;
  h11: number;
  h12: number;
  h13: number;
  h14: number;
  h15: number;
}

/** The built-in simulator's calls (lib/simulator/store.ts: StoredCall), kept 7 days like Tencent's records. */
export interface SimCallsTable {
  call_id: string;
  caller: string;
  /** JSON array of UserIDs. */
  callees: string;
  call_type: string;
  media_type: string;
  room_id: string;
  room_id_type: number;
  start_ms: number;
  /** JSON array of {atMs, account, action}: the member changes planned at the start. */
  changes: string;
  accept_ms: number | null;
  ends_at_ms: number;
  result: string;
  record_at_ms: number;
  hung_up: Generated<number>;
}

/** The simulated app's set_callback configuration. */
export interface SimCallbacksTable {
  sdk_app_id: number;
  url: string;
  /** JSON array of CallbackCommands. */
  commands: string;
  updated_at: string;
}

export interface Database {
  profiles: ProfilesTable;
  requests: RequestsTable;
  request_users: RequestUsersTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  login_failures: LoginFailuresTable;
  audit_events: AuditEventsTable;
  call_events: CallEventsTable;
  webhook_tokens: WebhookTokensTable;
  webhook_counters: WebhookCountersTable;
  start_claims: StartClaimsTable;
  call_templates: CallTemplatesTable;
  request_rollups: RequestRollupsTable;
  sim_calls: SimCallsTable;
  sim_callbacks: SimCallbacksTable;
}

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;

export type ProfileRow = Selectable<ProfilesTable>;
export type NewProfileRow = Insertable<ProfilesTable>;
export type ProfileUpdate = Updateable<ProfilesTable>;
export type RequestRow = Selectable<RequestsTable>;
export type NewRequestRow = Insertable<RequestsTable>;
