import { expect, test, uniqueId } from "./fixtures";

test("watch a call's live status, end it (End call is then disabled), and read its record", async ({ callForm, page, request }) => {
  test.setTimeout(60_000);
  const robot = uniqueId("robot-life");
  const answers = uniqueId("sim-answers");
  await callForm.goto();
  await callForm.start({ robot, callees: [answers, uniqueId("rings")], timeout: "60000" });
  await expect(callForm.result.getByText("OK", { exact: true })).toBeVisible();
  await callForm.result.getByRole("link", { name: /Open in history/ }).click();
  await expect(page).toHaveURL(/\/history\/[0-9A-Z]{26}$/);

  const controls = page.getByTestId("call-controls");
  await controls.getByRole("button", { name: "Live status" }).click();
  const state = (account: string) => controls.getByTestId("callee-row").filter({ hasText: account }).getByTestId("callee-status");
  // sim-answers picks up after 2 s; watching reads the status every 3 s.
  await expect(state(answers)).toHaveAttribute("data-status", "in-call", { timeout: 15_000 });
  await expect(controls.getByTestId("live-status")).toContainText("Watching");

  await controls.getByRole("button", { name: "Record" }).click();
  await expect(controls.getByTestId("call-record")).toContainText("Records appear about 5 seconds after a call ends");

  await controls.getByRole("button", { name: "End call" }).click();
  await expect(controls.getByTestId("end-result")).toContainText("Call ended");
  // Once ended, End call and Live status are disabled, and the one state says so.
  await expect(controls.getByRole("button", { name: "End call" })).toBeDisabled();
  await expect(controls.getByRole("button", { name: /Live status/ })).toBeDisabled();
  await expect(controls.getByTestId("call-phase")).toHaveAttribute("data-phase", "ended");
  await expect(state(answers)).toHaveAttribute("data-status", "hung-up");

  // Records appear about 5 s after the end: ask until it is there.
  const record = controls.getByTestId("call-record");
  await expect(async () => {
    await controls.getByRole("button", { name: "Record" }).click();
    await expect(record).toContainText("NormalEnd: Answered, then hung up normally.", { timeout: 1_000 });
  }).toPass({ timeout: 20_000, intervals: [1_000, 2_000] });
  await expect(record).toContainText("MultiCall, Video");

  const history = async (command: string) =>
    (
      (await (await request.get(`/api/history?command=${encodeURIComponent(command)}&limit=200`)).json()) as {
        entries: { errorCode: number | null }[];
      }
    ).entries;
  expect((await history("call_engine_http_srv/end_call")).map((e) => e.errorCode)).toEqual(expect.arrayContaining([0]));
  expect((await history("call_engine_http_srv/get_call_info")).length).toBeGreaterThan(0);
  expect((await history("call_record_http_srv/get_record_by_callid")).map((e) => e.errorCode)).toEqual(expect.arrayContaining([0, 101050]));
});

test("a viewer can watch and read the record, but not end the call", async ({ callForm, browser }) => {
  await callForm.goto();
  // sim-answers stays in the call until it is ended, so the viewer reads it live whatever webhooks arrive.
  await callForm.start({ robot: uniqueId("robot-life"), callees: [uniqueId("sim-answers")] });
  await callForm.result.getByRole("link", { name: /Open in history/ }).click();
  await expect(callForm.page).toHaveURL(/\/history\/[0-9A-Z]{26}$/);
  const context = await browser.newContext({ storageState: "e2e/.auth/viewer.json" });
  const page = await context.newPage();
  await page.goto(callForm.page.url());
  const controls = page.getByTestId("call-controls");
  await expect(controls.getByRole("button", { name: "End call" })).toHaveCount(0);
  // Clicked until hydrated: a click before that reaches no handler.
  await expect(async () => {
    await controls.getByRole("button", { name: "Live status" }).click({ timeout: 1_000 });
    await expect(controls.getByTestId("live-status")).toContainText("Watching", { timeout: 1_000 });
  }).toPass({ timeout: 15_000, intervals: [500, 1_000] });
  await expect(controls.getByTestId("call-phase")).not.toHaveAttribute("data-phase", "ended");

  // The operator ends it; the viewer's page sees the end and stops offering a status read.
  const operatorControls = callForm.page.getByTestId("call-controls");
  await expect(async () => {
    await operatorControls.getByRole("button", { name: "End call" }).click({ timeout: 1_000 });
    await expect(operatorControls.getByTestId("end-result")).toContainText("Call ended", { timeout: 1_000 });
  }).toPass({ timeout: 15_000, intervals: [500, 1_000] });
  await expect(controls.getByTestId("call-phase")).toHaveAttribute("data-phase", "ended", { timeout: 15_000 });
  await expect(controls.getByRole("button", { name: "Live status" })).toBeDisabled();

  await controls.getByRole("button", { name: "Record" }).click();
  await expect(controls.getByTestId("call-record")).toBeVisible();
  await context.close();
});

test("end a call from the result panel, right after starting it", async ({ callForm }) => {
  await callForm.goto();
  await callForm.start({ robot: uniqueId("robot-panel"), callees: [uniqueId("sim-answers")] });
  const controls = callForm.result.getByTestId("call-controls");
  await controls.getByRole("button", { name: "End call" }).click();
  await expect(controls.getByTestId("end-result")).toContainText("Call ended");
});

test("browse the records of the last 7 days, filtered by CallResult and CallType, page by page", async ({ callForm, page }) => {
  test.setTimeout(60_000);
  const robot = uniqueId("robot-records");
  await callForm.goto();
  for (const callees of [[uniqueId("sim-rejects")], [uniqueId("sim-rejects"), uniqueId("sim-rejects")]]) {
    await callForm.start({ robot, callees });
  }
  // Rejected after 1 s; records appear 5 s after the end.
  await page.goto("/calls/records");
  const form = page.getByRole("form", { name: "Find call records" });
  await form.getByLabel("CallResult").selectOption("Reject");
  await form.getByLabel("CallType").selectOption("MultiCall");
  const rows = page.getByTestId("record-row").filter({ hasText: robot });
  await expect(async () => {
    await form.getByRole("button", { name: "Find records" }).click();
    await expect(rows).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000, intervals: [1_000, 2_000] });
  await expect(rows.first()).toContainText("The callees rejected the call.");
  await expect(rows.first()).toContainText("MultiCall");
  await form.getByLabel("CallType").selectOption("SingleCall");
  await form.getByRole("button", { name: "Find records" }).click();
  await expect(page.getByTestId("record-row").filter({ hasText: robot })).toHaveCount(1);
  await expect(page.getByTestId("records-total")).toContainText("record");
});
