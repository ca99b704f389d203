import { expect, test, type Page } from "@playwright/test";
import { SIMULATOR_SECRET_KEY, uniqueId } from "../fixtures";
import { CallFormPage } from "../pages/call-form.page";
import { HistoryPage } from "../pages/history.page";
import { INSTANCE_ADMIN, INSTANCE_PORTS, instanceUrl } from "./constants";

const [first, second] = INSTANCE_PORTS.map(instanceUrl) as [string, string];

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(INSTANCE_ADMIN.email);
  await page.getByLabel("Password").fill(INSTANCE_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(INSTANCE_ADMIN.email);
}

test("a call started through one instance is live, in history and watched through the other", async ({ browser }) => {
  // Two servers, two browser contexts and a call of several seconds: long on a shared machine.
  test.setTimeout(180_000);
  // Signed in on the first instance; the second takes the same session from the shared database.
  const one = await browser.newContext({ baseURL: first });
  const a = await one.newPage();
  await signIn(a);
  const two = await browser.newContext({ baseURL: second, storageState: await one.storageState() });
  const b = await two.newPage();

  // A profile made on the first (its SecretKey encrypted with the shared CONSOLE_SECRET), sent to its region.
  const name = uniqueId("Shared");
  await a.goto("/admin/profiles");
  const form = a.getByRole("form", { name: "New profile" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("SDKAppID").fill("1400000001");
  await form.getByLabel("Region", { exact: true }).selectOption("singapore");
  await form.getByLabel("SecretKey").fill(SIMULATOR_SECRET_KEY);
  await form.getByRole("button", { name: "Create profile" }).click();
  await a.getByTestId("profile-row").filter({ hasText: name }).getByRole("link", { name }).click();
  // Its webhook: the first instance's simulator posts the call's events to the first instance.
  const settings = a.getByTestId("webhook-settings");
  await expect(settings.getByLabel("Url")).toHaveValue(new RegExp(`^${first}/api/webhooks/call-engine/[A-Za-z0-9_-]{43}$`));
  await settings.getByRole("button", { name: "Save webhook" }).click();
  await expect(settings.getByTestId("webhook-result")).toContainText("Saved.");
  const receiver = await a.getByTestId("receiver-url").innerText();

  // The second instance's calls page is open before the call starts: nothing of this robot is in progress.
  const robot = uniqueId("robot-two");
  await b.goto("/calls");
  const live = b.getByTestId("live-call").filter({ hasText: robot });
  await expect(b.getByText("No call is in progress.")).toBeVisible();

  const answers = uniqueId("sim-answers");
  const rejects = uniqueId("sim-rejects");
  const callForm = new CallFormPage(a);
  await callForm.goto();
  await a.getByLabel("Profile").selectOption({ label: `${name} (1400000001)` });
  await callForm.start({ robot, callees: [answers, rejects], timeout: "60000" });
  await expect(callForm.result.getByText("OK", { exact: true })).toBeVisible();
  const callId = await callForm.result.getByTestId("result-call-id").innerText();

  // Without a reload, the second instance shows the call and the callees' answers the first received as webhooks
  // (with nothing in progress, the list itself is read every 30 s: the change feed brings it sooner).
  const status = (account: string) => live.getByTestId("callee-row").filter({ hasText: account }).getByTestId("callee-status");
  await expect(live).toHaveCount(1);
  await expect(live).toContainText(callId);
  await expect(status(answers)).toHaveAttribute("data-status", "in-call");
  await expect(status(rejects)).toHaveAttribute("data-status", "rejected");

  // History through the second instance: the start, and its timeline with the events.
  const history = new HistoryPage(b);
  await history.goto();
  await history.find(robot);
  await expect(history.rows).toHaveCount(1);
  await history.rows.first().getByRole("link").first().click();
  await expect(b).toHaveURL(/\/history\/[0-9A-Z]{26}$/);
  const entry = b.url().replace(second, "");
  const timeline = b.getByTestId("call-timeline");
  await expect(timeline).toContainText(`${answers}: Answer`);
  await expect(timeline).toContainText(`${rejects}: Reject`);

  // One more event, posted to the first instance's receiver, shows on the second's open page
  // (the time it took is printed, not asserted: the same reject again, which changes no state).
  const rejections = timeline.getByTestId("call-event").filter({ hasText: `${rejects}: Reject` });
  await expect(rejections).toHaveCount(1);
  const posted = Date.now();
  const accepted = await one.request.post(
    `${receiver}?SdkAppid=1400000001&CallbackCommand=Call.CallbackAfterMemberChanged&contenttype=json`,
    {
      data: {
        CallbackCommand: "Call.CallbackAfterMemberChanged",
        CallId: callId,
        UserList: [
          { User_Account: robot, Status: "Calling" },
          { User_Account: answers, Status: "Calling" },
        ],
        ChangedUserList: [{ User_Account: rejects, ActionType: "Reject" }],
        EventTime: posted,
      },
    },
  );
  expect(accepted.status()).toBe(200);
  // Watched in the page, frame by frame: expect's own retries would add up to a second to the figure.
  await b.waitForFunction(
    (text) =>
      [...document.querySelectorAll('[data-testid="call-timeline"] [data-testid="call-event"]')].filter((e) =>
        e.textContent?.includes(text),
      ).length === 2,
    `${rejects}: Reject`,
    { polling: "raf", timeout: 10_000 },
  );
  console.log(`an event received by the first instance showed on the second's open page after ${Date.now() - posted} ms`);

  // The first instance shows the same entry; the second watches the live status and ends the call.
  await a.goto(entry);
  await expect(a.getByTestId("call-controls").getByTestId("call-phase")).toHaveAttribute("data-phase", "in-call");
  const controls = b.getByTestId("call-controls");
  await controls.getByRole("button", { name: "Live status" }).click();
  await expect(controls.getByTestId("live-status")).toContainText("Watching");
  await expect(controls.getByTestId("callee-row").filter({ hasText: answers }).getByTestId("callee-status")).toHaveAttribute(
    "data-status",
    "in-call",
  );
  await controls.getByRole("button", { name: "End call" }).click();
  await expect(controls.getByTestId("end-result")).toContainText("Call ended");
  await expect(controls.getByTestId("call-phase")).toHaveAttribute("data-phase", "ended");
  // The first instance's page follows without a reload.
  await expect(a.getByTestId("call-controls").getByTestId("call-phase")).toHaveAttribute("data-phase", "ended");
  await expect(a.getByTestId("call-timeline")).toContainText("Ended: NormalEnd");

  await one.close();
  await two.close();
});
