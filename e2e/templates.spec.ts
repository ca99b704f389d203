import { storageStateOf } from "./constants";
import { expect, test, uniqueId } from "./fixtures";

test("a template round trip: save the form, start from it, rename it, a viewer opens it but cannot start, delete it", async ({
  callForm,
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const robot = uniqueId("robot-tpl");
  const callee = uniqueId("sim-rejects");
  const name = uniqueId("Template");
  await callForm.goto();
  await callForm.fill({ robot, callees: [callee], timeout: "20000" });
  const save = page.getByTestId("save-template");
  await save.getByLabel("Template name").fill(name);
  await save.getByRole("button", { name: "Save as template" }).click();
  await expect(save.getByRole("status")).toContainText("Saved.");

  await page.goto("/calls/templates");
  const row = page.getByTestId("template-row").filter({ hasText: name });
  await expect(row).toContainText("by operator@e2e.test");
  await expect(row).toContainText("profile Simulator");
  await row.getByRole("link", { name: "Open in the form →" }).click();
  await expect(page).toHaveURL(/\/calls\/new\?template=[0-9A-Z]{26}$/);
  const templateUrl = page.url();
  await expect(callForm.robot).toHaveValue(robot);
  await expect(callForm.callees).toHaveValue(callee);
  await expect(callForm.timeout).toHaveValue("20000");
  await callForm.submit.click();
  await expect(callForm.result.getByText("OK", { exact: true })).toBeVisible();

  await page.goto("/calls/templates");
  const renamed = `${name} renamed`;
  await row.getByLabel("New name").fill(renamed);
  await row.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByTestId("template-row").filter({ hasText: renamed })).toHaveCount(1);

  const context = await browser.newContext({ storageState: storageStateOf("viewer") });
  const viewer = await context.newPage();
  await viewer.goto("/calls/templates");
  const seen = viewer.getByTestId("template-row").filter({ hasText: renamed });
  await expect(seen).toBeVisible();
  await expect(seen.getByRole("button", { name: "Rename" })).toHaveCount(0);
  await expect(seen.getByRole("button", { name: /Delete/ })).toHaveCount(0);
  await viewer.goto(templateUrl);
  await expect(viewer.getByLabel("Robot_Account")).toHaveValue(robot);
  await expect(viewer.getByRole("button", { name: "Start call" })).toBeDisabled();
  await expect(viewer.getByText("but not start calls")).toBeVisible();
  await context.close();

  const current = page.getByTestId("template-row").filter({ hasText: renamed });
  await current.getByRole("button", { name: "Delete" }).click();
  await current.getByRole("button", { name: /for everyone/ }).click();
  await expect(page.getByTestId("template-row").filter({ hasText: renamed })).toHaveCount(0);
  await page.goto(templateUrl);
  await expect(page.getByRole("alert").filter({ hasText: "No template has the id" })).toBeVisible();
});
