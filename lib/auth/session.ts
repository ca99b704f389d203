import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { env, trustedProxies } from "@/lib/env";
import { getDb } from "@/lib/db";
import { getUserLocale, setUserLocale } from "@/lib/db/users";
import { LOCALE_COOKIE, isLocale, type Locale } from "@/lib/i18n/locales";
import { requestOrigin } from "@/lib/forwarded";
import type { SessionUser } from "@/lib/forms/roles";
import { signIn, signOut, validateSession, type ClientInfo, type SessionPolicy, type ThrottlePolicy } from "./service";

/**
 * The session cookie: an opaque random token, HttpOnly, SameSite=Lax, Secure
 * over https. Only the server reads it; the database keeps its hash.
 */
export const SESSION_COOKIE = "cec_session";

export function policy(): SessionPolicy & ThrottlePolicy {
  const config = env();
  return {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    maxHours: config.SESSION_MAX_HOURS,
    maxFailuresPerAccount: config.LOGIN_MAX_FAILURES,
    maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
    lockMinutes: config.LOGIN_LOCK_MINUTES,
  };
}

/**
 * The client's address and agent. The address is the socket's, or the one
 * trusted proxies (TRUSTED_PROXIES) report: a client cannot choose it by
 * sending X-Forwarded-For. See lib/forwarded.ts.
 */
export async function clientInfo(): Promise<ClientInfo & { https: boolean }> {
  const h = await headers();
  const origin = requestOrigin(h, trustedProxies());
  return {
    ip: origin.ip,
    userAgent: h.get("user-agent"),
    https: origin.proto === "https",
  };
}

/** The signed-in user of this request, or null. Memoised per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return validateSession(await getDb(), token, policy());
});

/** Signs in and sets the cookie (server actions only). */
export async function signInWithPassword(email: string, password: string) {
  const client = await clientInfo();
  const result = await signIn(await getDb(), { email, password, client }, policy());
  if (result.ok) {
    (await cookies()).set(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: "lax",
      secure: client.https,
      path: "/",
      expires: result.expiresAt,
    });
    // The user's own language, chosen on any browser, follows them to this one.
    const locale = await getUserLocale(await getDb(), result.user.id);
    if (isLocale(locale)) (await cookies()).set(LOCALE_COOKIE, locale, localeCookieOptions(client.https));
  }
  return result;
}

/** A year: the language is a preference, not a credential (readable by the server only, like the rest). */
function localeCookieOptions(https: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, secure: https, path: "/", maxAge: 365 * 24 * 3600 };
}

/** Remembers the language in this browser and, when someone is signed in, as their setting (server actions only). */
export async function chooseLocale(locale: Locale, user: SessionUser | null): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, localeCookieOptions((await clientInfo()).https));
  if (user) await setUserLocale(await getDb(), user.id, locale);
}

/** Ends this browser's session (server actions only). */
export async function endSession(user: SessionUser | null): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await signOut(await getDb(), token, user, await clientInfo());
  jar.delete(SESSION_COOKIE);
}
