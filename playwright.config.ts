import { defineConfig, devices } from "@playwright/test";
import { ACCOUNTS, E2E_CONSOLE_SECRET, E2E_DATA_DIR, E2E_PORT as PORT, storageStateOf } from "./e2e/constants";

const chromium = {
  ...devices["Desktop Chrome"],
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
};

/**
 * Browser tests run Debian's Chromium against a production build (`next build`
 * first; `npm test` does it) with a throwaway database, and never reach Tencent.
 */
export default defineConfig({
  testDir: "./e2e",
  // Two instances on one PostgreSQL: playwright.instances.config.ts.
  testIgnore: "instances/**",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs in as the admin and makes the operator and viewer accounts the other tests use.
    // Three sign-ins and two accounts made through the UI, each password hashed with scrypt: slow on a busy machine.
    { name: "setup", testMatch: /auth\.setup\.ts/, use: chromium, timeout: 90_000 },
    {
      name: "chromium",
      dependencies: ["setup"],
      // Tests act as the operator unless they say otherwise.
      use: { ...chromium, storageState: storageStateOf("operator") },
    },
  ],
  webServer: {
    // The server's output goes to a file the leak scan reads.
    command: `rm -rf ${E2E_DATA_DIR} && mkdir -p ${E2E_DATA_DIR} && exec node_modules/.bin/next start -H 127.0.0.1 -p ${PORT} > ${E2E_DATA_DIR}/server.log 2>&1`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_URL: `file:${E2E_DATA_DIR}/console.db`,
      DATA_DIR: E2E_DATA_DIR,
      CONSOLE_ADMIN_EMAIL: ACCOUNTS.admin.email,
      CONSOLE_ADMIN_PASSWORD: ACCOUNTS.admin.password,
      // All tests sign in from 127.0.0.1: the per-address lock is tested in the unit tests.
      LOGIN_MAX_FAILURES_PER_ADDRESS: "10000",
      CONSOLE_SECRET: E2E_CONSOLE_SECRET,
      REQUEST_TIMEOUT_MS: "3000",
      SIMULATOR_SLOW_MS: "6000",
      // Records appear 1 s after a call ends (5 s by default): the lifecycle specs poll for them.
      SIMULATOR_RECORD_DELAY_MS: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      // The simulator's HTTP routes are on loopback over http: the outbound policy lets the console reach only this host.
      OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${PORT}`,
      // Every region leads to the console's own simulator, whose app lives in Singapore.
      SIMULATOR_HOME_REGION: "singapore",
      TENCENT_REGION_URLS: JSON.stringify(
        Object.fromEntries(
          ["china", "singapore", "seoul", "frankfurt", "silicon-valley", "jakarta"].map((r) => [
            r,
            `http://127.0.0.1:${PORT}/simulator/regions/${r}`,
          ]),
        ),
      ),
      // Their backup domains lead to the same data centres: no test resolves a Tencent domain.
      TENCENT_BACKUP_URLS: JSON.stringify(
        Object.fromEntries(
          ["china", "singapore", "seoul", "frankfurt", "silicon-valley", "jakarta"].map((r) => [
            r,
            `http://127.0.0.1:${PORT}/simulator/regions/${r}`,
          ]),
        ),
      ),
    },
  },
});
