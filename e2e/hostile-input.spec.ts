import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { builtActions } from "./code-inventory";
import { storageStateOf } from "./constants";
import { openDb } from "./db";
import { expect, test, uniqueId } from "./fixtures";

const START = "app/calls/new/actions.ts#startCallAction";

function action(key: string) {
  const found = builtActions().get(key);
  if (!found) throw new Error(`${key} is not in the build`);
  return found;
}

function rows(sql: string, ...params: unknown[]): unknown[] {
  const db = openDb();
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
}

async function postAction(api: APIRequestContext, key: string, data: string | Buffer, headers: Record<string, string>) {
  const target = action(key);
  const response = await api.post(target.path, {
    headers: { "Next-Action": target.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...headers },
    data,
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

const startBody = (robot: string) =>
  JSON.stringify([
    {
      profileId: "simulator",
      clientToken: crypto.randomUUID(),
      body: { Robot_Account: robot, CalleeList_Account: ["hostile-callee"], Timeout: 30000, CallInfo: { MediaType: "Audio" } },
    },
  ]);

test.describe("server actions from elsewhere", () => {
  for (const identity of ["anonymous", "operator"] as const) {
    test(`a start without the console's Origin is refused before it runs (${identity})`, async ({ baseURL }) => {
      const api = await playwrightRequest.newContext({
        baseURL,
        storageState: identity === "anonymous" ? undefined : storageStateOf(identity),
      });
      const robot = uniqueId("hostile-robot");
      const attempts: Record<string, string>[] = [
        {},
        { Origin: "null" },
        { Origin: "http://attacker.example", "X-Forwarded-Host": "attacker.example" },
        { Origin: "http://attacker.example", Host: "attacker.example" },
        { Origin: "not an origin" },
      ];
      for (const headers of attempts) {
        const answer = await postAction(api, START, startBody(robot), headers);
        expect(answer.status, JSON.stringify(headers)).toBe(403);
        expect(answer.text.length).toBeLessThan(200);
      }
      expect(rows("select id from requests where robot_account = ?", robot)).toEqual([]);
      // The same request from the console's own origin runs (as the operator), so the refusals above were the Origin's doing.
      const own = await postAction(api, START, startBody(robot), { Origin: baseURL ?? "" });
      expect(own.status).toBe(200);
      expect(rows("select id from requests where robot_account = ?", robot)).toHaveLength(identity === "operator" ? 1 : 0);
      await api.dispose();
    });

    test(`malformed action bodies answer 400 or 413 with a short reason, never 500 (${identity})`, async ({ baseURL }) => {
      const api = await playwrightRequest.newContext({
        baseURL,
        storageState: identity === "anonymous" ? undefined : storageStateOf(identity),
      });
      const origin = { Origin: baseURL ?? "" };
      const cases: [string, string | Buffer, number, Record<string, string>?][] = [
        ["null", "null", 400],
        ["a bare string", '"start"', 400],
        ["not JSON", "{this is not json", 400],
        ["an empty body", "", 400],
        ["30,000-deep nesting", `${"[".repeat(30_000)}${"]".repeat(30_000)}`, 400],
        ["over 64 KB", JSON.stringify(["x".repeat(70_000)]), 413],
        ["an unknown content type", "[]", 400, { "Content-Type": "application/json" }],
        ["a bad action id", "[]", 400, { "Next-Action": "../../etc" }],
      ];
      for (const [name, data, status, extra] of cases) {
        const answer = await postAction(api, START, data, { ...origin, ...extra });
        expect(answer.status, name).toBe(status);
        expect(answer.text.length, name).toBeLessThan(200);
        expect(answer.text, name).toMatch(/\w/);
      }
      await api.dispose();
    });
  }
});

test("the per-address sign-in limit keys on the socket's address, whatever X-Forwarded-For says", async ({ browser }) => {
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  const email = `${uniqueId("forged")}@e2e.test`;
  for (let i = 1; i <= 3; i += 1) {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.51.100.${i}`, "X-Forwarded-Host": "attacker.example" });
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is not right.");
    await expect.poll(() => rows("select id from audit_events where actor_email = ?", email).length).toBe(i);
  }
  const addresses = rows("select distinct ip from audit_events where actor_email = ?", email);
  expect(addresses).toEqual([{ ip: "127.0.0.1" }]);
  expect(rows("select key from login_failures where key like 'ip:198.51.100.%'")).toEqual([]);
  await context.close();
});

test.describe("profiles that point inside the network", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("the editor refuses internal addresses in any spelling, naming the field and the rule", async ({ page }) => {
    await page.goto("/admin/profiles");
    const form = page.getByRole("form", { name: "New profile" });
    const name = uniqueId("Internal");
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("SDKAppID").fill("1400000001");
    await form.getByLabel("Custom base URL").check();
    await form.getByLabel("SecretKey").fill("internal-profile-key-00001");
    for (const [url, rule] of [
      ["http://169.254.169.254", "must use https"],
      ["https://0x7f.1:5432", "loopback 127.0.0.0/8"],
      ["https://[fd00:ec2::254]", "unique-local fc00::/7"],
      ["https://metadata.google.internal", ".internal"],
    ] as const) {
      await form.getByLabel("Base URL", { exact: true }).fill(url);
      await form.getByRole("button", { name: "Create profile" }).click();
      await expect(form.getByText(`Base URL must`)).toContainText(rule);
    }
    expect(rows("select id from profiles where name = ?", name)).toEqual([]);
  });
});
