import { storageStateOf } from "./constants";
import { expect, SIMULATOR_SECRET_KEY, test, uniqueId } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

test("a wrong region is found for the user, and an admin fixes the profile from the entry", async ({ page, callForm, browser }) => {
  const name = uniqueId("Misplaced");
  await page.goto("/admin/profiles");
  const form = page.getByRole("form", { name: "New profile" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("SDKAppID").fill("1400000001");
  await form.getByLabel("Region", { exact: true }).selectOption("china");
  await form.getByLabel("SecretKey").fill(SIMULATOR_SECRET_KEY);
  await form.getByRole("button", { name: "Create profile" }).click();
  await expect(page.getByTestId("profile-row").filter({ hasText: name })).toBeVisible();

  await callForm.goto();
  await page.getByLabel("Profile").selectOption({ label: `${name} (1400000001)` });
  await callForm.start({ robot: uniqueId("robot-region"), callees: [uniqueId("c")] });
  await expect(callForm.explanation).toContainText("Wrong region");
  await expect(callForm.explanation).toContainText("60026");
  await callForm.result.getByRole("link", { name: /Open in history/ }).click();
  await expect(page).toHaveURL(/\/history\/[0-9A-Z]{26}$/);
  const entryUrl = page.url();

  // Support staff can run the check but not change the profile.
  const viewer = await browser.newContext({ storageState: storageStateOf("viewer") });
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(entryUrl);
  await viewerPage.getByRole("button", { name: "Check the other regions" }).click();
  await expect(viewerPage.getByTestId("region-verdict")).toHaveText("Singapore knows this SDKAppID.");
  await expect(viewerPage.getByRole("button", { name: /Set the profile's region/ })).toHaveCount(0);
  await viewer.close();

  const finder = page.getByTestId("region-finder");
  await finder.getByRole("button", { name: "Check the other regions" }).click();
  await expect(finder.getByTestId("region-verdict")).toHaveText("Singapore knows this SDKAppID.");
  await expect(finder.getByTestId("region-probe")).toHaveCount(6);
  await expect(finder.getByTestId("region-probe").filter({ hasText: "China" })).toContainText("60026");
  await expect(finder.getByTestId("region-probe").filter({ hasText: "China" })).toContainText("(profile now)");
  await finder.getByRole("button", { name: "Set the profile's region to Singapore" }).click();
  await expect(finder).toContainText("The profile now points at Singapore.");

  await callForm.goto();
  await page.getByLabel("Profile").selectOption({ label: `${name} (1400000001)` });
  await callForm.start({ robot: uniqueId("robot-region"), callees: [uniqueId("c")] });
  await expect(callForm.result.getByText("OK", { exact: true })).toBeVisible();

  await page.goto("/admin/audit?action=profile.updated");
  await expect(page.getByTestId("audit-row").filter({ hasText: name }).first()).toContainText("region: china → singapore");
});
