import "server-only";
import type { Kysely } from "kysely";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { roleFor, type Capability } from "@/lib/auth/access";
import { REFUSAL_UNAUTHENTICATED, checkCapability, refusalForbidden } from "@/lib/auth/guards";
import { clientInfo } from "@/lib/auth/session";
import { readyDb } from "@/lib/calls/ready";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { fieldErrorsFrom, type ActionResult } from "@/lib/forms/action-result";
import type { Actor, SessionUser } from "@/lib/forms/roles";
import { errorMessage, log } from "@/lib/log";

export interface ActionContext extends Actor {
  user: SessionUser;
  db: Kysely<Database>;
}

/** What a refused or failed action returns for a thrown AppError: the message goes where the form shows it. */
export function refusalFrom(error: AppError): ActionResult<never> {
  if (error.fieldErrors) return { ok: false, fieldErrors: error.fieldErrors };
  if (error.field) return { ok: false, fieldErrors: { [error.field]: [error.message] } };
  return { ok: false, formError: error.message };
}

const FAULT = "The console hit a fault on the server and could not finish this. The details are in the server log.";

/**
 * Every server action that needs a session is built with this: the session
 * and the capability first, then the input's schema (all field errors at
 * once), then the handler with the database. The handler returns its data or
 * throws an AppError; a refusal changes nothing and says why, and any other
 * error is logged and answered with one plain sentence (`fault` says what it
 * means for this action, e.g. that nothing was sent).
 *
 * The returned function takes the schema's *input* type, so a component
 * that calls an action with the wrong shape fails the type check.
 */
export function guardedAction<Schema extends z.ZodType, T>(
  capability: Capability,
  schema: Schema,
  handler: (input: z.output<Schema>, context: ActionContext) => Promise<T>,
  options: { fault?: string } = {},
): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  return async (input) => {
    const check = await checkCapability(capability);
    if (check.user === null) {
      return check.refusal === "unauthenticated"
        ? { ok: false, refused: "unauthenticated", formError: REFUSAL_UNAUTHENTICATED }
        : { ok: false, refused: "forbidden", formError: refusalForbidden(roleFor(capability)) };
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error) };
    try {
      const db = await readyDb();
      const data = await handler(parsed.data, { user: check.user, ip: (await clientInfo()).ip, db });
      return { ok: true, data };
    } catch (error) {
      // redirect(), notFound() and friends are control flow, not faults.
      unstable_rethrow(error);
      if (error instanceof AppError) return refusalFrom(error);
      log.error("action.failed", { capability, error: errorMessage(error) });
      return { ok: false, formError: options.fault ?? FAULT };
    }
  };
}
