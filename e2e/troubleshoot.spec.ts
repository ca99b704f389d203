import { expect, test, uniqueId } from "./fixtures";
import { findUserSigs } from "./leaks";

test("copy for support and copy as cURL carry what support needs, and no secret", async ({ callForm, page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const missing = uniqueId("sim-not-imported");
  await callForm.goto();
  await callForm.start({ robot: uniqueId("robot-support"), callees: [missing] });
  const requestId = await callForm.requestId();
  await callForm.result.getByRole("link", { name: /Open in history/ }).click();

  const tools = page.getByTestId("entry-tools");
  await tools.getByRole("button", { name: /Copy for support/ }).click();
  const support = await page.evaluate(() => navigator.clipboard.readText());
  expect(support).toContain(`RequestId: ${requestId}`);
  expect(support).toMatch(/Time \(UTC\): \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
  expect(support).toContain("SDKAppID: 1400000001");
  expect(support).toContain("API: v4/call_engine_http_srv/start_call_by_robot");
  expect(support).toContain("ErrorCode: 70107");
  expect(support).toContain(missing);
  expect(support).toContain("Explanation: UserID does not exist.");

  await tools.getByRole("button", { name: /Copy as cURL/ }).click();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toMatch(/^curl -X POST 'http:\/\/127\.0\.0\.1:\d+\/simulator\/v4\/call_engine_http_srv\/start_call_by_robot\?/);
  expect(curl).toContain("usersig=<USERSIG>");
  expect(curl).toContain(`"CalleeList_Account":["${missing}"]`);
  for (const text of [support, curl]) expect(findUserSigs(text)).toEqual([]);
});

test("replay fills the form and sends nothing; a repeat within minutes asks before ringing again", async ({ callForm, page, request }) => {
  const robot = uniqueId("robot-replay");
  const callee = uniqueId("callee");
  const count = async () => ((await (await request.get(`/api/history?q=${robot}`)).json()) as { entries: unknown[] }).entries.length;

  await callForm.goto();
  await callForm.fill({ robot, callees: [callee], timeout: "45000" });
  // The push settings are folded until opened.
  await page.getByText("Offline push", { exact: true }).click();
  await page.getByLabel("Title", { exact: true }).fill("Replay me");
  await callForm.submit.click();
  await expect(callForm.result.getByText("OK", { exact: true })).toBeVisible();
  const requestId = await callForm.requestId();
  await callForm.result.getByRole("link", { name: /Open in history/ }).click();

  await page.getByTestId("entry-tools").getByRole("link", { name: "Replay" }).click();
  await expect(page).toHaveURL(/\/calls\/new\?replay=/);
  await expect(page.getByRole("status").filter({ hasText: "Nothing is sent until you press Start call" })).toContainText(requestId);
  await expect(callForm.robot).toHaveValue(robot);
  await expect(callForm.callees).toHaveValue(callee);
  await expect(callForm.timeout).toHaveValue("45000");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Replay me");
  expect(await count()).toBe(1);

  await callForm.submit.click();
  const warning = page.getByRole("alertdialog", { name: "Same call a moment ago" });
  await expect(warning).toContainText("Nothing was sent");
  await expect(callForm.result).toHaveCount(0);
  expect(await count()).toBe(1);

  await warning.getByRole("button", { name: "Send anyway" }).click();
  await expect(callForm.result.getByText("OK", { exact: true })).toBeVisible();
  expect(await callForm.requestId()).not.toBe(requestId);
  expect(await count()).toBe(2);
});

test("a viewer may read an entry but not replay it", async ({ browser, callForm }) => {
  await callForm.goto();
  await callForm.start({ robot: uniqueId("robot-viewer"), callees: [uniqueId("c")] });
  await callForm.result.getByRole("link", { name: /Open in history/ }).click();
  await expect(callForm.page).toHaveURL(/\/history\/[0-9A-Z]{26}$/);
  const url = callForm.page.url();
  const context = await browser.newContext({ storageState: "e2e/.auth/viewer.json" });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId("entry-tools").getByRole("button", { name: /Copy for support/ })).toBeVisible();
  await expect(page.getByTestId("entry-tools").getByRole("link", { name: "Replay" })).toHaveCount(0);
  await context.close();
});
