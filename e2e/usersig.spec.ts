import { genUserSig } from "../lib/tencent/usersig";
import { storageStateOf } from "./constants";
import { expect, SIMULATOR_SECRET_KEY, test, uniqueId } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

async function inspect(page: import("@playwright/test").Page, userSig: string, profile: string) {
  const form = page.getByRole("form", { name: "Inspect a UserSig" });
  await form.getByLabel("UserSig").fill(userSig);
  await form.getByLabel("Verify against").selectOption({ label: profile });
  await form.getByRole("button", { name: "Inspect" }).click();
  return page.getByTestId("usersig-report");
}

test("the inspector decodes, verifies, and names the error code for each failure", async ({ page, baseURL }) => {
  // A second app profile with the simulator's SDKAppID but another key: signatures from it do not verify.
  const other = uniqueId("Other-key");
  await page.goto("/admin/profiles");
  const form = page.getByRole("form", { name: "New profile" });
  await form.getByLabel("Name").fill(other);
  await form.getByLabel("SDKAppID").fill("1400000001");
  await form.getByLabel("Custom base URL").check();
  await form.getByLabel("Base URL", { exact: true }).fill(`${baseURL}/simulator`);
  await form.getByLabel("SecretKey").fill("another-key-for-the-same-app-1");
  await form.getByRole("button", { name: "Create profile" }).click();
  await expect(page.getByTestId("profile-row").filter({ hasText: other })).toBeVisible();

  await page.goto("/tools/usersig");
  const generator = page.getByRole("form", { name: "Generate a UserSig" });
  await generator.getByLabel("Profile").selectOption({ label: "Simulator (1400000001)" });
  await generator.getByLabel("expire (seconds)").fill("7200");
  await generator.getByRole("button", { name: "Generate" }).click();
  const userSig = (await page.getByTestId("generated-usersig").locator("code").innerText()).trim();
  expect(userSig).toMatch(/^eJ[A-Za-z0-9*\-_]+$/);

  let report = await inspect(page, userSig, "Decode only");
  await expect(report).toContainText("administrator");
  await expect(report).toContainText("1400000001");
  await expect(page.getByTestId("usersig-time-left")).toHaveText(/^1 h 59 min|^2 h/);
  await expect(page.getByTestId("usersig-verdict")).toHaveCount(0);

  report = await inspect(page, userSig, "Simulator (1400000001, administrator)");
  await expect(page.getByTestId("usersig-verdict")).toContainText("the Call Engine would accept it");

  await inspect(page, userSig, `${other} (1400000001, administrator)`);
  await expect(page.getByTestId("usersig-verdict")).toContainText("would answer 70009");

  const now = Math.floor(Date.now() / 1000);
  const expired = genUserSig({
    sdkAppId: 1400000001,
    secretKey: SIMULATOR_SECRET_KEY,
    identifier: "administrator",
    expireSeconds: 60,
    now: now - 3600,
  });
  await inspect(page, expired, "Simulator (1400000001, administrator)");
  await expect(page.getByTestId("usersig-verdict")).toContainText("would answer 70001");
  await expect(page.getByTestId("usersig-time-left")).toHaveText(/^expired/);

  const someoneElse = genUserSig({ sdkAppId: 1400000001, secretKey: SIMULATOR_SECRET_KEY, identifier: "someone", expireSeconds: 600, now });
  await inspect(page, someoneElse, "Simulator (1400000001, administrator)");
  await expect(page.getByTestId("usersig-verdict")).toContainText("would answer 70013");

  const otherApp = genUserSig({
    sdkAppId: 1400999999,
    secretKey: SIMULATOR_SECRET_KEY,
    identifier: "administrator",
    expireSeconds: 600,
    now,
  });
  await inspect(page, otherApp, "Simulator (1400000001, administrator)");
  await expect(page.getByTestId("usersig-verdict")).toContainText("would answer 70014");

  report = await inspect(page, `${userSig.slice(0, 40)}%2A`, "Decode only");
  await expect(report.getByRole("alert")).toContainText("outside its alphabet");
  await expect(report.getByRole("alert")).toContainText("70003");
  report = await inspect(page, userSig.slice(0, 30), "Decode only");
  await expect(report.getByRole("alert")).toContainText("Not a readable UserSig");
});

test("a viewer can inspect but not generate", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("viewer") });
  const page = await context.newPage();
  await page.goto("/tools/usersig");
  await expect(page.getByRole("form", { name: "Inspect a UserSig" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Generate a UserSig" })).toHaveCount(0);
  await context.close();
});
