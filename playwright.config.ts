import { defineConfig, devices } from "@playwright/test";
import { E2E_CONSOLE_SECRET, E2E_PORT as PORT } from "./e2e/constants";

/**
 * Browser tests run Debian's Chromium against a production build (`next build`
 * first; `npm test` does it) with a throwaway database, and never reach Tencent.
 */
export default defineConfig({
  testDir: "./e2e",
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
    {
      name: "chromium",
      use: {
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
      },
    },
  ],
  webServer: {
    command: `rm -rf .e2e-data && exec node_modules/.bin/next start -H 127.0.0.1 -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: "file:.e2e-data/console.db",
      DATA_DIR: ".e2e-data",
      CONSOLE_SECRET: E2E_CONSOLE_SECRET,
      REQUEST_TIMEOUT_MS: "2500",
      SIMULATOR_SLOW_MS: "6000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
