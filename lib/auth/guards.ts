import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { NextResponse } from "next/server";
import type { Role, SessionUser } from "@/lib/forms/roles";
import { PAGE_ACCESS, ROUTE_ACCESS, can, roleFor, type Access, type Capability, type HandlerRoute, type PageRoute } from "./access";
import { currentUser } from "./session";

function allowed(user: SessionUser | null, access: Access): boolean {
  if (access === "public") return true;
  if (!user) return false;
  return can(user.role, access);
}

/**
 * First thing in every page: no session sends the browser to sign in (and
 * back here after), a role too low answers 403.
 */
export async function guardPage(route: PageRoute): Promise<SessionUser> {
  const access: Access = PAGE_ACCESS[route];
  const user = await currentUser();
  if (!user) {
    const here = (await headers()).get("x-console-path") ?? "/";
    redirect(`/login?next=${encodeURIComponent(here)}`);
  }
  if (!allowed(user, access)) forbidden();
  return user;
}

/** First thing in every route handler: 401 without a session, 403 with a role too low. */
export async function guardRoute(
  route: HandlerRoute,
): Promise<{ user: SessionUser | null; refusal: null } | { user: null; refusal: NextResponse }> {
  const access: Access = ROUTE_ACCESS[route];
  if (access === "public") return { user: null, refusal: null };
  const user = await currentUser();
  if (!user) return { user: null, refusal: NextResponse.json({ error: "sign in first" }, { status: 401 }) };
  if (!allowed(user, access))
    return { user: null, refusal: NextResponse.json({ error: `needs the ${roleFor(access)} role` }, { status: 403 }) };
  return { user, refusal: null };
}

export const REFUSAL_UNAUTHENTICATED = "You are not signed in (or your session ended). Sign in and try again.";
export const refusalForbidden = (role: Role) => `This needs the ${role} role. Nothing was changed.`;

/** The signed-in user when they have the capability; otherwise why not (for server actions). */
export async function checkCapability(
  capability: Capability,
): Promise<{ user: SessionUser; refusal: null } | { user: null; refusal: "unauthenticated" | "forbidden" }> {
  const user = await currentUser();
  if (!user) return { user: null, refusal: "unauthenticated" };
  if (!can(user.role, capability)) return { user: null, refusal: "forbidden" };
  return { user, refusal: null };
}
