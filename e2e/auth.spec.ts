import { createHash } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { ACCOUNTS, storageStateOf } from "./constants";
import { openDb } from "./db";
import { expect, test, uniqueId } from "./fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Creates a user through the admin's page and returns its email. */
async function createUser(browser: Browser, role: "viewer" | "operator", password: string): Promise<string> {
  const email = `${uniqueId(role)}@e2e.test`;
  const context = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await context.newPage();
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "New user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByLabel("Set one now").check();
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("user-row").filter({ hasText: email })).toBeVisible();
  await context.close();
  return email;
}

test("signing in returns to the page asked for; a viewer sees only what a viewer may; signing out ends the session", async ({ page }) => {
  await page.goto("/history?q=abc");
  await expect(page).toHaveURL(/\/login\?next=%2Fhistory%3Fq%3Dabc/);
  await page.getByLabel("Email").fill(ACCOUNTS.viewer.email);
  await page.getByLabel("Password").fill(ACCOUNTS.viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/history\?q=abc$/);

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "History" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "New call", exact: true })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Users", exact: true })).toHaveCount(0);
  const forbidden = await page.goto("/admin/users");
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  // The call form opens (to fill it from a template and copy its body), but cannot start a call.
  await page.goto("/calls/new");
  await expect(page.getByRole("button", { name: "Start call" })).toBeDisabled();

  const cookie = (await page.context().cookies()).find((c) => c.name === "cec_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.goto("/history");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/history");
  await expect(page).toHaveURL(/\/login\?next=/);

  // The old token is dead on the server too, not just forgotten by the browser.
  const db = openDb();
  const hash = createHash("sha256")
    .update(cookie?.value ?? "")
    .digest("hex");
  expect(db.prepare("select count(*) n from sessions where id = ?").get(hash)).toEqual({ n: 0 });
  db.close();
});

test("an unknown email and a wrong password get the same answer", async ({ page }) => {
  await signIn(page, `${uniqueId("nobody")}@e2e.test`, "whatever password");
  const unknown = await page.getByRole("main").getByRole("alert").innerText();
  await signIn(page, ACCOUNTS.viewer.email, "not the viewer password");
  expect(await page.getByRole("main").getByRole("alert").innerText()).toBe(unknown);
  expect(unknown).toBe("Email or password is not right.");
});

test("an account is locked after repeated failures, with a clear wait", async ({ page, browser }) => {
  const password = "the right password 1";
  const email = await createUser(browser, "viewer", password);
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, `wrong password ${i}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is not right.");
  }
  await signIn(page, email, password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many failed sign-ins\. Try again in 15 minutes\./);
  await expect(page).toHaveURL(/\/login/);
});

test("disabling a user ends their sessions at once", async ({ page, browser }) => {
  const password = "disable me password";
  const email = await createUser(browser, "operator", password);
  await signIn(page, email, password);
  await expect(page.getByTestId("signed-in-as")).toContainText(email);

  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/users");
  await adminPage.getByTestId("user-row").filter({ hasText: email }).getByRole("button", { name: "Disable" }).click();
  await adminPage.getByRole("dialog", { name: "Disable user?" }).getByRole("button", { name: "Disable" }).click();
  await expect(adminPage.getByTestId("user-row").filter({ hasText: email })).toContainText("disabled");
  await admin.close();

  await page.goto("/calls/new");
  await expect(page).toHaveURL(/\/login\?next=/);
  await signIn(page, email, password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is not right.");
});

test("a session past its end sends the user to sign in", async ({ page, browser }) => {
  const password = "expiring password";
  const email = await createUser(browser, "viewer", password);
  await signIn(page, email, password);
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
  const token = (await page.context().cookies()).find((c) => c.name === "cec_session")?.value ?? "";
  const db = openDb(false);
  db.prepare("update sessions set expires_at = ? where id = ?").run(
    "2000-01-01T00:00:00.000Z",
    createHash("sha256").update(token).digest("hex"),
  );
  db.close();
  await page.goto("/history");
  await expect(page).toHaveURL(/\/login\?next=%2Fhistory/);
});

test("an invitation link lets the new user choose a password, once", async ({ page, browser }) => {
  const email = `${uniqueId("invitee")}@e2e.test`;
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/users");
  const form = adminPage.getByRole("form", { name: "New user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Create user" }).click();
  const link = await adminPage.getByTestId("one-time-link").locator("code").innerText();
  await admin.close();
  expect(link).toMatch(/\/setup\?token=[\w-]{40,}$/);

  const path = new URL(link).pathname + new URL(link).search;
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Accept your invitation" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page.getByText("must be at least 12 characters")).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("invited user password");
  await page.getByLabel("Confirm password").fill("invited user password");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(email);

  await page.goto(path);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("used already");
});

test("security headers on pages, handlers and static files", async ({ request }) => {
  const login = await request.get("/login");
  const html = await login.text();
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  for (const response of [
    login,
    await request.get("/api/health"),
    await request.get(script ?? ""),
    await request.get("/history", { maxRedirects: 0 }),
  ]) {
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-frame-options"]).toBe("DENY");
  }
  const csp = login.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  // Next's own inline scripts carry the nonce, so the page hydrates under the policy.
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(html).toContain(`nonce="${nonce}"`);
});

test("signing in never leaves the site, whatever next= says", async ({ page, baseURL }) => {
  for (const next of ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example/"]) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${next}`);
    await page.getByLabel("Email").fill(ACCOUNTS.viewer.email);
    await page.getByLabel("Password").fill(ACCOUNTS.viewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
  }
});
