import { storageStateOf } from "./constants";
import { expect, test, uniqueId } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

test("an admin creates, tests, edits, re-keys and deletes a profile; the audit log tells the story", async ({ page, baseURL }) => {
  const name = uniqueId("Staging");
  await page.goto("/admin/profiles");
  const form = page.getByRole("form", { name: "New profile" });
  await form.getByRole("button", { name: "Create profile" }).click();
  await expect(form.getByText("is required").first()).toBeVisible();
  await expect(form.getByText("looks too short")).toBeVisible();

  await form.getByLabel("Name").fill(name);
  await form.getByLabel("SDKAppID").fill("1400000001");
  await form.getByLabel("Custom base URL").check();
  await form.getByLabel("Base URL", { exact: true }).fill(`${baseURL}/simulator`);
  await form.getByLabel("SecretKey").fill("not-the-simulator-key-0001");
  await form.getByRole("button", { name: "Create profile" }).click();
  const row = page.getByTestId("profile-row").filter({ hasText: name });
  await expect(row).toContainText("…0001");
  await expect(page.getByLabel("SecretKey")).toHaveValue("");

  await row.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Test connection" }).click();
  const result = page.getByTestId("connection-result");
  await expect(result).toContainText("Signature does not verify");
  await expect(result).toContainText("70009");
  await expect(result).toContainText("SecretKey belongs to this SDKAppID");

  const settings = page.getByRole("form", { name: "Edit profile" });
  await settings.getByLabel("Name").fill(`${name}-renamed`);
  await settings.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: `${name}-renamed` })).toBeVisible();

  await page.getByLabel("New SecretKey").fill("rotated-key-00000000009");
  await page.getByRole("button", { name: "Rotate key" }).click();
  await expect(page.getByTestId("key-fingerprint")).toHaveText("…0009");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete profile" }).click();
  await expect(page).toHaveURL(/\/admin\/profiles$/);
  await expect(page.getByTestId("profile-row").filter({ hasText: name })).toHaveCount(0);

  await page.goto("/admin/audit?action=profile.updated");
  await expect(page.getByTestId("audit-row").filter({ hasText: `${name}-renamed` })).toContainText(`name: ${name} → ${name}-renamed`);
  await page.goto("/admin/audit?action=profile.key_rotated");
  await expect(page.getByTestId("audit-row").filter({ hasText: `${name}-renamed` })).toContainText("key: …0001 → …0009");
  await page.goto("/admin/audit?action=profile.deleted&actor=admin%40e2e.test");
  await expect(page.getByTestId("audit-row").filter({ hasText: `${name}-renamed` })).toBeVisible();
});

test("the built-in Simulator profile is read-only but can be tested", async ({ page }) => {
  await page.goto("/admin/profiles/simulator");
  await expect(page.getByText("built in: it cannot be edited or deleted")).toBeVisible();
  await expect(page.getByRole("form", { name: "Edit profile" })).toHaveCount(0);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("region and key are right");
});

test("the last enabled admin cannot be demoted or disabled", async ({ page }) => {
  await page.goto("/admin/users");
  const me = page.getByTestId("user-row").filter({ hasText: "admin@e2e.test" });
  await me.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("dialog", { name: "Disable user?" }).getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText("You cannot disable your own account.")).toBeVisible();
});
