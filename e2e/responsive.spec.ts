import { storageStateOf } from "./constants";
import { concrete, expectNoSidewaysScroll, PUBLIC_PAGES, SIGNED_IN_PAGES, startSampleCall } from "./every-page";
import { expect, test, uniqueId } from "./fixtures";

const PHONE = { width: 390, height: 844 };

test.describe("a 390 px phone", () => {
  test.use({ viewport: PHONE, storageState: storageStateOf("admin") });

  test("no page scrolls sideways, with results and long JSON shown", async ({ page }) => {
    test.setTimeout(90_000);
    const samples = await startSampleCall(page, uniqueId("phone-robot"));
    await expectNoSidewaysScroll(page, PHONE.width, "/calls/new with a result");
    for (const route of SIGNED_IN_PAGES) {
      const url = concrete(route, samples);
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expectNoSidewaysScroll(page, PHONE.width, url);
    }
  });

  test("public pages fit too", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: PHONE, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    for (const route of PUBLIC_PAGES) {
      await page.goto(route);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expectNoSidewaysScroll(page, PHONE.width, route);
    }
    await context.close();
  });

  test("the nav folds into a menu the keyboard opens", async ({ page }) => {
    await page.goto("/history");
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "History" })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: "Records" }).click();
    await expect(page).toHaveURL(/\/calls\/records$/);
    await expect(nav).toBeHidden();
  });

  test("Copy buttons keep their label on one line beside long values", async ({ page }) => {
    await startSampleCall(page, uniqueId("phone-copy"));
    const copy = page.getByTestId("call-result").getByRole("button", { name: /^Copy/ }).first();
    await expect(copy).toBeVisible();
    const box = await copy.boundingBox();
    expect(box?.height ?? 99).toBeLessThan(30);
  });
});

test("on a desktop the nav shows and marks the current page", async ({ page }) => {
  await page.goto("/calls/records");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  await expect(nav.getByRole("link", { name: "Records" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "New call" })).not.toHaveAttribute("aria-current", "page");
});

test("a skip link leads past the header to the page", async ({ page }) => {
  await page.goto("/calls/new");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator("main :focus")).toHaveCount(1);
});
