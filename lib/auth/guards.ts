import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { fieldErrorsFrom, type ActionResult } from "@/lib/forms/action-result";
import { roleAtLeast, type Actor, type Role, type SessionUser } from "@/lib/forms/roles";
import { PAGE_ACCESS, ROUTE_ACCESS, type Access, type HandlerRoute, type PageRoute } from "./access";
import { clientInfo, currentUser } from "./session";

function allowed(user: SessionUser | null, access: Access): boolean {
  if (access === "public") return true;
  if (!user) return false;
  return roleAtLeast(user.role, access);
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
  if (!allowed(user, access)) return { user: null, refusal: NextResponse.json({ error: `needs the ${access} role` }, { status: 403 }) };
  return { user, refusal: null };
}

export const REFUSAL_UNAUTHENTICATED = "You are not signed in (or your session ended). Sign in and try again.";
export const refusalForbidden = (role: Role) => `This needs the ${role} role. Nothing was changed.`;

export interface ActionContext extends Actor {
  user: SessionUser;
}

/**
 * Every server action that needs a session goes through this: session and
 * role first, then the input's schema (all field errors at once), then the
 * handler. A refusal changes nothing and says why.
 */
export function guardedAction<Schema extends z.ZodType, T>(
  role: Role,
  schema: Schema,
  handler: (input: z.output<Schema>, context: ActionContext) => Promise<ActionResult<T>>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    const user = await currentUser();
    if (!user) return { ok: false, refused: "unauthenticated", formError: REFUSAL_UNAUTHENTICATED };
    if (!roleAtLeast(user.role, role)) return { ok: false, refused: "forbidden", formError: refusalForbidden(role) };
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error) };
    return handler(parsed.data, { user, ip: (await clientInfo()).ip });
  };
}
