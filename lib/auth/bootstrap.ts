import "server-only";
import type { Kysely } from "kysely";
import { env, publicUrl } from "@/lib/env";
import { log } from "@/lib/log";
import type { Database } from "@/lib/db/schema";
import { deleteExpiredSessions } from "@/lib/db/sessions";
import { countUsers } from "@/lib/db/users";
import { issueUserToken, syncEnvironmentAdmin } from "./service";

/**
 * At start: CONSOLE_ADMIN_EMAIL/PASSWORD create or reset that admin; with no
 * users at all, a one-time setup link is printed instead.
 */
export async function bootstrapAccounts(db: Kysely<Database>): Promise<void> {
  const config = env();
  await deleteExpiredSessions(db, new Date().toISOString());
  if (config.CONSOLE_ADMIN_EMAIL && config.CONSOLE_ADMIN_PASSWORD) {
    const outcome = await syncEnvironmentAdmin(db, config.CONSOLE_ADMIN_EMAIL, config.CONSOLE_ADMIN_PASSWORD);
    log.info("console.admin-from-environment", { email: config.CONSOLE_ADMIN_EMAIL.toLowerCase(), outcome });
    return;
  }
  if ((await countUsers(db)) > 0) return;
  const { token, expiresAt } = await issueUserToken(db, { purpose: "setup", userId: null, createdBy: null });
  const url = `${publicUrl()}/setup?token=${token}`;
  log.info("console.setup-link", { expiresAt: expiresAt.toISOString() });
  console.log(
    `\n  No users yet. Create the first admin at:\n\n    ${url}\n\n  The link works once, for 24 hours; restarting prints a new one.\n`,
  );
}
