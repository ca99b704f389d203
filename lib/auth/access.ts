/**
 * Who may open what: every page and route handler of app/ is listed here with
 * the least role it needs. Pages and handlers look themselves up, and the
 * access sweep in e2e/ checks that this list covers every route file.
 */
import type { Role } from "@/lib/forms/roles";

export type Access = Role | "public";

export const PAGE_ACCESS = {
  "/": "viewer",
  "/login": "public",
  "/setup": "public",
  "/calls/new": "operator",
  "/calls/records": "viewer",
  "/history": "viewer",
  "/history/[id]": "viewer",
  "/tools/usersig": "viewer",
  "/admin/profiles": "admin",
  "/admin/profiles/[id]": "admin",
  "/admin/users": "admin",
  "/admin/audit": "admin",
} as const satisfies Record<string, Access>;

export const ROUTE_ACCESS = {
  "/api/health": "public",
  "/api/history": "viewer",
  "/api/history/export": "viewer",
  "/api/history/[id]/events": "viewer",
  // Refuses every event (401) with a pointer to the tokened URL below.
  "/api/webhooks/call-engine": "public",
  // Checks its own token: the profile's secret in the path.
  "/api/webhooks/call-engine/[token]": "public",
  // Checks its own UserSig, like the real service.
  "/simulator/v4/[service]/[command]": "public",
  "/simulator/regions/[region]/v4/[service]/[command]": "public",
} as const satisfies Record<string, Access>;

export type PageRoute = keyof typeof PAGE_ACCESS;
export type HandlerRoute = keyof typeof ROUTE_ACCESS;
