import { test as setup, expect, type Page } from "@playwright/test";
import { ACCOUNTS, storageStateOf, type Identity } from "./constants";

async function signIn(page: Page, identity: Identity) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(ACCOUNTS[identity].email);
  await page.getByLabel("Password").fill(ACCOUNTS[identity].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(ACCOUNTS[identity].email);
}

setup("sign in as admin and make the operator and viewer accounts", async ({ page, browser }) => {
  await signIn(page, "admin");
  await page.context().storageState({ path: storageStateOf("admin") });

  for (const identity of ["operator", "viewer"] as const) {
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "New user" });
    await form.getByLabel("Email").fill(ACCOUNTS[identity].email);
    await form.getByLabel("Role").selectOption(identity);
    await form.getByLabel("Set one now").check();
    await form.getByLabel("Initial password").fill(ACCOUNTS[identity].password);
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByTestId("user-row").filter({ hasText: ACCOUNTS[identity].email })).toBeVisible();

    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, identity);
    await context.storageState({ path: storageStateOf(identity) });
    await context.close();
  }
});
