import { createHash, createHmac, randomBytes } from "node:crypto";
import { test as base, expect } from "@playwright/test";
import { E2E_CONSOLE_SECRET } from "./constants";
import { CallFormPage } from "./pages/call-form.page";
import { HistoryPage } from "./pages/history.page";

/**
 * The simulator's SecretKey for this run, derived the way the console derives
 * it, so tests can assert it never reaches the browser.
 */
export const SIMULATOR_SECRET_KEY = createHmac("sha256", createHash("sha256").update(`call-engine-console:${E2E_CONSOLE_SECRET}`).digest())
  .update("call-engine-simulator-secret-key")
  .digest("hex");

/** A UserID no other test uses. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export const test = base.extend<{ callForm: CallFormPage; history: HistoryPage }>({
  callForm: async ({ page }, use) => use(new CallFormPage(page)),
  history: async ({ page }, use) => use(new HistoryPage(page)),
});

export { expect };
