import { storageStateOf } from "./constants";
import { concrete, expectNoAxeViolations, PUBLIC_PAGES, SIGNED_IN_PAGES, startSampleCall } from "./every-page";
import { expect, test, uniqueId } from "./fixtures";

/**
 * axe (WCAG 2.0/2.1 A and AA) on every page of the access list and on the
 * main states (empty, filled, error, result, dialog open), in the light and
 * the dark theme (the system's, as the browser reports it).
 */
for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`accessibility in the ${colorScheme} theme`, () => {
    test.use({ colorScheme, storageState: storageStateOf("admin") });

    test(`every page as admin (${colorScheme})`, async ({ page }) => {
      test.setTimeout(120_000);
      const samples = await startSampleCall(page, uniqueId("a11y-robot"));
      await expectNoAxeViolations(page, `/calls/new with a result (${colorScheme})`);
      for (const route of SIGNED_IN_PAGES) {
        const url = concrete(route, samples);
        await page.goto(url);
        await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await expectNoAxeViolations(page, `${url} (${colorScheme})`);
      }
    });

    test(`main states: empty, filled, error, dialogs (${colorScheme})`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto(`/history?q=${uniqueId("nobody")}`);
      await expect(page.getByText("Nothing matches these filters.")).toBeVisible();
      await expectNoAxeViolations(page, `empty history (${colorScheme})`);

      await page.goto("/history?code=not-a-number");
      await expect(page.getByRole("alert").first()).toBeVisible();
      await expectNoAxeViolations(page, `invalid filters (${colorScheme})`);

      await page.goto("/history");
      await expect(page.getByTestId("history-row").first()).toBeVisible();
      await expectNoAxeViolations(page, `filled history (${colorScheme})`);

      await page.goto("/calls/new");
      await page.getByLabel("Robot_Account").fill("");
      await page.getByRole("button", { name: "Start call" }).click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await expectNoAxeViolations(page, `call form with errors (${colorScheme})`);

      await page.goto("/admin/users");
      const viewer = page.getByTestId("user-row").filter({ hasText: "viewer@e2e.test" });
      await viewer.getByLabel(/Role of/).selectOption("operator");
      await expect(page.getByRole("dialog", { name: "Change role?" })).toBeVisible();
      await expectNoAxeViolations(page, `role confirmation (${colorScheme})`);
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toHaveCount(0);

      await page.locator("main").click({ position: { x: 1, y: 1 } });
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      await expectNoAxeViolations(page, `shortcuts (${colorScheme})`);
      await page.keyboard.press("Escape");

      await page.keyboard.press("Control+k");
      await expect(page.getByRole("dialog", { name: "Go to a page or find an id" })).toBeVisible();
      await page.keyboard.type("Id-");
      await expectNoAxeViolations(page, `command palette (${colorScheme})`);
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: "Password link" }).first().click();
      await expect(page.getByTestId("one-time-link")).toBeVisible();
      await expect(page.getByText("Link created.")).toBeVisible();
      await expectNoAxeViolations(page, `one-time link and a toast (${colorScheme})`);
    });

    test(`public pages, signed out (${colorScheme})`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL, colorScheme, storageState: { cookies: [], origins: [] } });
      const page = await context.newPage();
      for (const route of PUBLIC_PAGES) {
        await page.goto(route);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await expectNoAxeViolations(page, `${route} signed out (${colorScheme})`);
      }
      await page.goto("/login");
      await page.getByLabel("Email").fill("nobody@e2e.test");
      await page.getByLabel("Password").fill("not the password at all");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await expectNoAxeViolations(page, `sign-in refused (${colorScheme})`);
      await context.close();
    });
  });
}
