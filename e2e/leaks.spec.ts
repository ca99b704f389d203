import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PAGE_ACCESS } from "../lib/auth/access";
import { E2E_DATA_DIR, storageStateOf } from "./constants";
import { dumpTables } from "./db";
import { expect, SIMULATOR_SECRET_KEY, test, uniqueId } from "./fixtures";
import { findUserSigs } from "./leaks";

test.use({ storageState: storageStateOf("admin") });
test.setTimeout(120_000);

test("no SecretKey, UserSig or session token in any page, script, RSC or JSON response, export, the server log, or the database", async ({
  page,
  baseURL,
  callForm,
}) => {
  const firstKey = `LEAKCHECK${randomBytes(16).toString("hex")}`;
  const secondKey = `LEAKCHECK${randomBytes(16).toString("hex")}`;
  const secrets = [firstKey, secondKey, SIMULATOR_SECRET_KEY];
  const bodies: { url: string; text: string }[] = [];
  page.on("response", async (response) => {
    try {
      bodies.push({ url: response.url(), text: await response.text() });
    } catch {
      // redirects and aborted requests have no body
    }
  });

  // A profile with a known key that really sends over HTTP (to the console's own simulator route).
  const name = uniqueId("Leaky");
  await page.goto("/admin/profiles");
  const form = page.getByRole("form", { name: "New profile" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("SDKAppID").fill("1400000001");
  await form.getByLabel("Custom base URL").check();
  await form.getByLabel("Base URL", { exact: true }).fill(`${baseURL}/simulator`);
  await form.getByLabel("SecretKey").fill(firstKey);
  await form.getByRole("button", { name: "Create profile" }).click();
  await page.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("Signature does not verify");
  await page.getByLabel("New SecretKey").fill(secondKey);
  await page.getByRole("button", { name: "Rotate key" }).click();
  await expect(page.getByTestId("key-fingerprint")).toHaveText(`…${secondKey.slice(-4)}`);
  const profileUrl = page.url();

  // Calls with that profile and with the simulator.
  for (const profile of [name, "Simulator"]) {
    await callForm.goto();
    await page.getByLabel("Profile").selectOption({ label: `${profile} (1400000001)` });
    await callForm.start({ robot: uniqueId("leak-robot"), callees: [uniqueId("c")] });
  }
  await callForm.result.getByRole("link", { name: /Open in history/ }).click();
  const entryUrl = page.url();

  // Every page the console has, with real ids where a page needs one.
  for (const route of Object.keys(PAGE_ACCESS)) {
    const path =
      route === "/history/[id]" ? new URL(entryUrl).pathname : route === "/admin/profiles/[id]" ? new URL(profileUrl).pathname : route;
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  await page.goto("/history");
  await expect(page.getByTestId("history-row").first()).toBeVisible();
  for (const url of ["/api/history?limit=200", "/api/history/export?format=csv", "/api/history/export?format=json"]) {
    const response = await page.request.get(url);
    expect(response.status()).toBe(200);
    bodies.push({ url, text: await response.text() });
  }
  expect(bodies.find((b) => b.url.endsWith("format=csv"))?.text).toContain(name);

  expect(bodies.length).toBeGreaterThan(30);
  expect(bodies.some((b) => b.url.includes("/_next/static/") && b.url.endsWith(".js"))).toBe(true);
  for (const { url, text } of bodies) {
    for (const secret of secrets) expect(text.includes(secret), `${url} contains a SecretKey`).toBe(false);
    expect(findUserSigs(text), `${url} contains a UserSig`).toEqual([]);
  }

  const cookies = (await page.context().cookies()).filter((c) => c.name === "cec_session").map((c) => c.value);
  const log = readFileSync(`${E2E_DATA_DIR}/server.log`, "utf8");
  const tables = dumpTables(["requests", "request_users", "audit_events", "profiles", "sessions", "user_tokens", "users"]);
  expect(log).toContain("request.completed");
  expect(tables).toContain(name);
  for (const [what, text] of [
    ["the server log", log],
    ["the database", tables],
  ] as const) {
    for (const secret of [...secrets, ...cookies]) expect(text.includes(secret), `${what} contains a secret`).toBe(false);
    expect(findUserSigs(text), `${what} contains a UserSig`).toEqual([]);
  }
});
