import type { Page } from "@playwright/test";
import { expect, test, uniqueId } from "./fixtures";

/** Keys pressed before the page hydrates reach no listener: wait until the shortcuts listen. */
async function listening(page: Page) {
  await expect(page.locator("html[data-shortcuts=ready]")).toHaveCount(1);
}

test("/ focuses the search, but not while typing in a field", async ({ page, history }) => {
  await history.goto();
  await listening(page);
  await page.locator("h1").click();
  await page.keyboard.press("/");
  await expect(history.search).toBeFocused();
  await page.keyboard.type("a/b");
  await expect(history.search).toHaveValue("a/b");
  await history.filter("ErrorCode").focus();
  await page.keyboard.press("/");
  await expect(history.filter("ErrorCode")).toBeFocused();
});

test("? lists the shortcuts; Escape closes the list; ? in a field is just text", async ({ page, callForm }) => {
  await callForm.goto();
  await listening(page);
  await callForm.robot.fill("");
  await callForm.robot.focus();
  await page.keyboard.type("?");
  await expect(callForm.robot).toHaveValue("?");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.locator("h1").click();
  await page.keyboard.press("?");
  const list = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(list).toBeVisible();
  await expect(list).toContainText("Command palette");
  await page.keyboard.press("Escape");
  await expect(list).toBeHidden();
});

test("Ctrl+Enter starts the call from the form", async ({ page, callForm }) => {
  await callForm.goto();
  await listening(page);
  await callForm.fill({ robot: uniqueId("kbd-robot"), callees: [uniqueId("kbd-callee")] });
  await callForm.callees.focus();
  await page.keyboard.press("Control+Enter");
  await expect(callForm.result).toBeVisible();
  await expect(callForm.result.getByText("OK", { exact: true })).toBeVisible();
});

test("the command palette opens any page the user may open, and not the others", async ({ page }) => {
  await page.goto("/");
  await listening(page);
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Go to a page or find an id" });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole("combobox")).toBeFocused();
  // The operator may not open the users page, so the palette does not offer it.
  await page.keyboard.type("Users");
  await expect(palette.getByRole("option", { name: "Users", exact: true })).toHaveCount(0);
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Records");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/calls\/records$/);
  await expect(palette).toBeHidden();
});

test("the palette finds a pasted RequestId and opens its entry", async ({ page, callForm }) => {
  await callForm.goto();
  await callForm.start({ robot: uniqueId("palette-robot"), callees: [uniqueId("palette-callee")] });
  const requestId = await callForm.requestId();
  await listening(page);
  await page.locator("h1").click();
  await page.keyboard.press("Control+k");
  await expect(page.getByRole("combobox", { name: "Command palette" })).toBeFocused();
  await page.keyboard.insertText(`RequestId: ${requestId.toUpperCase()}`);
  const find = page.getByRole("option", { name: /Find RequestId/ });
  await expect(find).toContainText(requestId);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("entry-request-id")).toHaveText(requestId);
  await expect(page).toHaveTitle(new RegExp(requestId));
  // The jump took the search's place: Back returns to where the palette was opened.
  await page.goBack();
  await expect(page).toHaveURL(/\/calls\/new$/);
});
