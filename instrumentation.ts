/**
 * Runs once when the server starts: stamps requests with their socket address, checks the configuration (a bad variable
 * stops the start with a message naming it), migrates the database, puts the
 * built-in profiles in place, and makes sure someone can sign in (the
 * environment's admin, or a one-time setup link printed to the log).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, so that no request is served without its socket address (lib/peer-address.ts).
  const { stampPeerAddresses } = await import("@/lib/peer-address");
  await stampPeerAddresses();
  const { env } = await import("@/lib/env");
  const { readyDb } = await import("@/lib/calls/ready");
  const { bootstrapAccounts } = await import("@/lib/auth/bootstrap");
  const { log } = await import("@/lib/log");
  const config = env();
  const db = await readyDb();
  await bootstrapAccounts(db);
  log.info("console.ready", {
    database: config.DATABASE_URL.startsWith("file:") ? config.DATABASE_URL : "postgres",
    environmentProfile: config.TENCENT_SDKAPPID !== undefined,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  });
}
