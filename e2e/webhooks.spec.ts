import { storageStateOf } from "./constants";
import { expect, test, uniqueId } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

test("the simulator's webhook points at this console, and the call's timeline fills in as it happens", async ({
  page,
  callForm,
  baseURL,
}) => {
  test.setTimeout(60_000);
  await page.goto("/admin/profiles/simulator");
  const settings = page.getByTestId("webhook-settings");
  const receiver = await page.getByTestId("receiver-url").innerText();
  expect(receiver).toMatch(new RegExp(`^${baseURL}/api/webhooks/call-engine/[A-Za-z0-9_-]{43}$`));
  await expect(settings.getByLabel("Url")).toHaveValue(receiver);
  await settings.getByRole("button", { name: "Delete webhook" }).click();
  await settings.getByRole("button", { name: "Show current" }).click();
  await expect(settings.getByTestId("webhook-result")).toContainText("No webhook configuration");
  await settings.getByRole("button", { name: "Save webhook" }).click();
  await expect(settings.getByTestId("webhook-result")).toContainText("Saved.");
  await settings.getByRole("button", { name: "Show current" }).click();
  await expect(settings.getByTestId("webhook-result")).toContainText(receiver);

  const answers = uniqueId("sim-answers");
  const rejects = uniqueId("sim-rejects");
  await callForm.goto();
  await callForm.start({ robot: uniqueId("robot-hook"), callees: [answers, rejects] });
  await callForm.result.getByRole("link", { name: /Open in history/ }).click();
  await expect(page).toHaveURL(/\/history\/[0-9A-Z]{26}$/);

  const timeline = page.getByTestId("call-timeline");
  await expect(timeline.getByTestId("call-event").first()).toContainText("Started (Video)");
  await expect(timeline).toContainText(`${answers}: Answer`, { timeout: 15_000 });
  await expect(timeline).toContainText(`${rejects}: Reject`);
  await page.getByTestId("call-controls").getByRole("button", { name: "End call" }).click();
  await expect(timeline).toContainText("Ended: NormalEnd. Answered, then hung up normally.", { timeout: 15_000 });
});

test("the receiver takes only events carrying a profile's live token; a rotated token works through its grace period", async ({
  page,
  request,
}) => {
  const query = "?SdkAppid=1400000001&CallbackCommand=Call.CallbackAfterEndCall&contenttype=json";
  const post = (path: string, data: unknown = { CallRecord: { CallId: "token-test" } }) =>
    request.post(`${path}${query}`, { headers: { "content-type": "application/json" }, data });

  await page.goto("/admin/profiles/simulator");
  const refusedBefore = Number(await page.getByTestId("count-refused").innerText());
  const receiver = new URL(await page.getByTestId("receiver-url").innerText()).pathname;

  const untokened = await post("/api/webhooks/call-engine");
  expect(untokened.status()).toBe(401);
  expect(await untokened.json()).toMatchObject({
    ActionStatus: "FAIL",
    ErrorInfo: expect.stringContaining("/api/webhooks/call-engine/<token>"),
  });
  const forged = await post(`/api/webhooks/call-engine/${"A".repeat(43)}`);
  expect(forged.status()).toBe(401);
  // A malformed body with the right token is kept and answered OK.
  const malformed = await post(receiver, '{"CallRecord": ');
  expect(malformed.status()).toBe(200);
  expect(await malformed.json()).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });

  await page.reload();
  await expect.poll(async () => Number(await page.getByTestId("count-refused").innerText())).toBeGreaterThanOrEqual(refusedBefore + 2);
  expect(Number(await page.getByTestId("count-accepted").innerText())).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Rotate token" }).click();
  const previous = page.getByTestId("previous-receiver").filter({ hasText: receiver });
  await expect(previous).toContainText("accepted until");
  const rotated = new URL(await page.getByTestId("receiver-url").innerText()).pathname;
  expect(rotated).not.toBe(receiver);
  expect((await post(receiver)).status()).toBe(200);
  expect((await post(rotated)).status()).toBe(200);
});
