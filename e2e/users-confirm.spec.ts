import { storageStateOf } from "./constants";
import { expect, test, uniqueId } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

async function makeUser(page: import("@playwright/test").Page, email: string) {
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "New user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Create user" }).click();
  const row = page.getByTestId("user-row").filter({ hasText: email });
  await expect(row).toBeVisible();
  return row;
}

test("a role change asks first, naming the user and the change; Cancel changes nothing", async ({ page }) => {
  const email = `${uniqueId("confirm-role")}@e2e.test`;
  const row = await makeUser(page, email);
  const role = row.getByLabel(`Role of ${email}`);

  // A key press in the select no longer changes the role by itself.
  await role.focus();
  await page.keyboard.press("ArrowDown");
  const dialog = page.getByRole("dialog", { name: "Change role?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Change ${email} from viewer to operator?`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(role).toHaveValue("viewer");
  await page.reload();
  await expect(page.getByTestId("user-row").filter({ hasText: email }).getByLabel(`Role of ${email}`)).toHaveValue("viewer");

  await page.getByLabel(`Role of ${email}`).selectOption("admin");
  await expect(dialog).toContainText(`from viewer to admin`);
  await dialog.getByRole("button", { name: "Make admin" }).click();
  await expect(page.getByText(`${email} is now admin.`)).toBeVisible();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("admin");
});

test("disabling asks first; Escape cancels; confirming signs the user out", async ({ page }) => {
  const email = `${uniqueId("confirm-disable")}@e2e.test`;
  const row = await makeUser(page, email);
  await row.getByRole("button", { name: "Disable" }).click();
  const dialog = page.getByRole("dialog", { name: "Disable user?" });
  await expect(dialog).toContainText(`Disable ${email}?`);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("invited");

  await row.getByRole("button", { name: "Disable" }).click();
  await dialog.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText(`${email} disabled; their sessions ended.`)).toBeVisible();
  await expect(row).toContainText("disabled");
  // Enabling again needs no confirmation.
  await row.getByRole("button", { name: "Enable" }).click();
  await expect(page.getByText(`${email} enabled.`)).toBeVisible();
});
