import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { E2E_CONSOLE_SECRET } from "./e2e/constants";
import { INSTANCE_ADMIN, INSTANCE_PORTS, INSTANCES_DATA_DIR, instanceUrl } from "./e2e/instances/constants";

/**
 * Two console instances on one PostgreSQL database (made fresh for the run
 * from TEST_POSTGRES_URL, which `npm test` exports after starting
 * PostgreSQL), one production build, the same CONSOLE_SECRET. Each instance's
 * regions lead to its own simulator over HTTP (E2E_INSTANCES_SIMULATOR=first
 * sends both to the first instance's). Nothing resolves a Tencent domain.
 */
const adminUrl = process.env.TEST_POSTGRES_URL;
if (!adminUrl) throw new Error("TEST_POSTGRES_URL is required: export TEST_POSTGRES_URL=$(bash scripts/postgres-up.sh)");
// Chosen once by the runner; its workers inherit the name through the environment.
process.env.E2E_INSTANCES_DB ??= `console_e2e_instances_${randomBytes(6).toString("hex")}`;
const databaseUrl = new URL(adminUrl);
databaseUrl.pathname = `/${process.env.E2E_INSTANCES_DB}`;

const REGIONS = ["china", "singapore", "seoul", "frankfurt", "silicon-valley", "jakarta"];
const simulatorOf = (port: number) => (process.env.E2E_INSTANCES_SIMULATOR === "first" ? INSTANCE_PORTS[0] : port);

function serverOf(port: number, index: number) {
  const dataDir = `${INSTANCES_DATA_DIR}/${index}`;
  const regions = JSON.stringify(
    Object.fromEntries(REGIONS.map((r) => [r, `http://127.0.0.1:${simulatorOf(port)}/simulator/regions/${r}`])),
  );
  // The first makes the run's database; the second starts once the first answers (web servers start in order).
  const setup = index === 0 ? `rm -rf ${INSTANCES_DATA_DIR} && node scripts/instances-db.mjs create && ` : "";
  return {
    command: `${setup}mkdir -p ${dataDir} && exec node_modules/.bin/next start -H 127.0.0.1 -p ${port} > ${dataDir}/server.log 2>&1`,
    url: `${instanceUrl(port)}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_URL: databaseUrl.toString(),
      DATA_DIR: dataDir,
      CONSOLE_SECRET: E2E_CONSOLE_SECRET,
      CONSOLE_ADMIN_EMAIL: INSTANCE_ADMIN.email,
      CONSOLE_ADMIN_PASSWORD: INSTANCE_ADMIN.password,
      REQUEST_TIMEOUT_MS: "3000",
      SIMULATOR_RECORD_DELAY_MS: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
      // The browser opens each instance at its own address (behind a proxy, every instance has the proxy's).
      PUBLIC_URL: instanceUrl(port),
      OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${simulatorOf(port)}`,
      SIMULATOR_HOME_REGION: "singapore",
      TENCENT_REGION_URLS: regions,
      TENCENT_BACKUP_URLS: regions,
    },
  };
}

export default defineConfig({
  testDir: "./e2e/instances",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalTeardown: "./e2e/instances/teardown.ts",
  use: {
    ...devices["Desktop Chrome"],
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: INSTANCE_PORTS.map(serverOf),
});
