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
  await expect(settings.getByLabel("Url")).toHaveValue(`${baseURL}/api/webhooks/call-engine`);
  await settings.getByRole("button", { name: "Delete webhook" }).click();
  await settings.getByRole("button", { name: "Show current" }).click();
  await expect(settings.getByTestId("webhook-result")).toContainText("No webhook configuration");
  await settings.getByRole("button", { name: "Save webhook" }).click();
  await expect(settings.getByTestId("webhook-result")).toContainText("Saved.");
  await settings.getByRole("button", { name: "Show current" }).click();
  await expect(settings.getByTestId("webhook-result")).toContainText(`${baseURL}/api/webhooks/call-engine`);

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

test("the receiver refuses an SdkAppid that belongs to no profile, and answers a malformed body without losing it", async ({ request }) => {
  const foreign = await request.post(
    "/api/webhooks/call-engine?SdkAppid=1499999999&CallbackCommand=Call.CallbackAfterEndCall&contenttype=json",
    {
      data: { CallRecord: { CallId: "x" } },
    },
  );
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toMatchObject({ ActionStatus: "FAIL" });
  const malformed = await request.post(
    "/api/webhooks/call-engine?SdkAppid=1400000001&CallbackCommand=Call.CallbackAfterEndCall&contenttype=json",
    {
      headers: { "content-type": "application/json" },
      data: '{"CallRecord": ',
    },
  );
  expect(malformed.status()).toBe(200);
  expect(await malformed.json()).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
});
