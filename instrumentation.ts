/**
 * Runs once when the server starts: checks the configuration (a bad variable
 * stops the start with a message naming it), migrates the database and puts
 * the built-in profiles in place.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { readyDb } = await import("@/lib/calls/ready");
  const { log } = await import("@/lib/log");
  const config = env();
  await readyDb();
  log.info("console.ready", {
    database: config.DATABASE_URL.startsWith("file:") ? config.DATABASE_URL : "postgres",
    environmentProfile: config.TENCENT_SDKAPPID !== undefined,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  });
}
