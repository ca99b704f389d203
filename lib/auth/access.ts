/**
 * Who may do what, in one place. A capability names one thing a person can do
 * and the least role that may do it; every page, route handler and server
 * action names the capability it needs, and the access sweep in e2e/ reads
 * the same map. Adding a role or moving a capability is one edit here.
 * Client-safe: pages pass `can(...)` results to components.
 */
import { ROLES, type Role } from "@/lib/forms/roles";

export const CAPABILITIES = {
  /** Read history, entries, exports, the overview and a call's timeline. */
  "history.read": "viewer",
  /** Live status and the record of a call (harmless reads, each kept in history). */
  "call.watch": "viewer",
  "call.start": "operator",
  /**
   * account_check and query_online_status on the call form's callees (reads,
   * each kept in history; operators, who are the ones on the form).
   */
  "callee.check": "operator",
  /** See the team's call templates and fill the form from one (starting still needs call.start). */
  "template.read": "viewer",
  /** Save, update, rename and delete call templates. */
  "template.manage": "operator",
  "call.end": "operator",
  /** get_record_by_filter for a profile. */
  "records.browse": "viewer",
  /** Probe every region for an entry's app (reads only). */
  "region.find": "viewer",
  /** Point a profile at the region the finder found. */
  "region.move": "admin",
  "usersig.inspect": "viewer",
  "usersig.generate": "admin",
  "profile.manage": "admin",
  /** set_callback, get_callback, delete_callback. */
  "webhook.manage": "admin",
  "user.manage": "admin",
  "audit.read": "admin",
  /** Sign out: anyone signed in. */
  "session.end": "viewer",
} as const satisfies Record<string, Role>;

export type Capability = keyof typeof CAPABILITIES;
export type Access = Capability | "public";

export function roleFor(capability: Capability): Role {
  return CAPABILITIES[capability];
}

export function can(role: Role, capability: Capability): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(CAPABILITIES[capability]);
}

/** The capability each page needs (pages look themselves up; the sweep checks the list covers app/). */
export const PAGE_ACCESS = {
  "/": "history.read",
  "/login": "public",
  "/setup": "public",
  "/calls": "history.read",
  "/calls/[callId]": "history.read",
  // Viewers may fill the form from a template and copy its body; the Start button and its action need call.start.
  "/calls/new": "template.read",
  "/calls/templates": "template.read",
  "/calls/records": "records.browse",
  "/history": "history.read",
  "/history/[id]": "history.read",
  "/tools/usersig": "usersig.inspect",
  "/admin/profiles": "profile.manage",
  "/admin/profiles/[id]": "profile.manage",
  "/admin/users": "user.manage",
  "/admin/audit": "audit.read",
} as const satisfies Record<string, Access>;

export const ROUTE_ACCESS = {
  "/api/health": "public",
  "/api/history": "history.read",
  "/api/history/export": "history.read",
  "/api/history/[id]/events": "history.read",
  "/api/calls": "history.read",
  "/api/calls/live": "history.read",
  "/api/calls/changes": "history.read",
  "/api/calls/[callId]": "history.read",
  // Refuses every event (401) with a pointer to the tokened URL below.
  "/api/webhooks/call-engine": "public",
  // Checks its own token: the profile's secret in the path.
  "/api/webhooks/call-engine/[token]": "public",
  // Checks its own UserSig, like the real service.
  "/simulator/v4/[service]/[command]": "public",
  "/simulator/regions/[region]/v4/[service]/[command]": "public",
} as const satisfies Record<string, Access>;

/** Server actions that run without a session (they check their own secret: a password or a one-time link). */
export const PUBLIC_ACTIONS = [
  "app/login/actions.ts#signInAction",
  "app/setup/actions.ts#completeSetupAction",
  // The language switch works signed out (the sign-in page has it).
  "app/actions.ts#setLocaleAction",
] as const;

export type PageRoute = keyof typeof PAGE_ACCESS;
export type HandlerRoute = keyof typeof ROUTE_ACCESS;
