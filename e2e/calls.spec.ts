import type { Locator, Page } from "@playwright/test";
import { expect, test, uniqueId } from "./fixtures";

const calleeStatus = (scope: Locator | Page, account: string) =>
  scope.getByTestId("callee-row").filter({ hasText: account }).getByTestId("callee-status");

interface DetailJson {
  call: { phase: string; callees: { account: string; status: string }[] };
  timeline: { kind: string; background?: boolean; command?: string }[];
}

test("a call ended from the panel never shows Calling again anywhere", async ({ callForm, page, request }) => {
  test.setTimeout(60_000);
  const answers = uniqueId("sim-answers");
  await callForm.goto();
  await callForm.start({ robot: uniqueId("robot-end"), callees: [answers], timeout: "60000" });
  const panel = callForm.result.getByTestId("call-controls");
  const callId = await callForm.result.getByTestId("result-call-id").innerText();
  await panel.getByRole("button", { name: "Live status" }).click();
  await expect(calleeStatus(panel, answers)).toHaveAttribute("data-status", "in-call", { timeout: 15_000 });

  await panel.getByRole("button", { name: "End call" }).click();
  await expect(panel.getByTestId("end-result")).toContainText("Call ended");
  await expect(panel.getByRole("button", { name: "End call" })).toBeDisabled();
  await expect(calleeStatus(panel, answers)).toHaveAttribute("data-status", "hung-up");

  // Whatever is read later (the state is refreshed from the server), the call stays ended.
  await expect
    .poll(async () => ((await (await request.get(`/api/calls/${callId}`)).json()) as DetailJson).call.phase, { timeout: 5_000 })
    .toBe("ended");
  await page.goto(`/calls/${callId}`);
  await expect(page.getByTestId("call-phase")).toHaveAttribute("data-phase", "ended");
  await expect(page.getByText("in the call", { exact: true })).toHaveCount(0);
  await expect(page.getByText(/Calling/)).toHaveCount(0);
  // Other tests' calls may be in progress: look at this one only.
  await page.goto("/calls");
  const row = page.getByTestId("call-row").filter({ hasText: answers });
  await expect(row.getByTestId("call-phase")).toHaveAttribute("data-phase", "ended");
  await expect(calleeStatus(row, answers)).toHaveAttribute("data-status", "hung-up");
  await expect(page.getByTestId("live-calls")).not.toContainText(callId);
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/calls/${callId}$`));
  await expect(page.getByRole("button", { name: "End call" })).toBeDisabled();
  await expect(page.getByTestId("call-timeline").getByTestId("call-request").first()).toContainText("start_call_by_robot");
  await expect(page.getByTestId("call-timeline").getByTestId("call-request").filter({ hasText: "end_call" })).toHaveCount(1);

  // The start's history entry leads to the same call, ended there too.
  await page.getByRole("link", { name: "the start in history" }).click();
  await expect(page.getByRole("link", { name: "Open the call →" })).toBeVisible();
  await expect(page.getByTestId("call-phase")).toHaveAttribute("data-phase", "ended");
  await expect(page.getByRole("button", { name: "End call" })).toBeDisabled();
});

test("a callee that rejects shows rejected", async ({ callForm, page }) => {
  test.setTimeout(60_000);
  const rejects = uniqueId("sim-rejects");
  await callForm.goto();
  await callForm.start({ robot: uniqueId("robot-rej"), callees: [rejects] });
  await callForm.result.getByRole("link", { name: "Open the call →" }).click();
  await expect(page).toHaveURL(/\/calls\/[0-9a-f-]{36}$/);
  // A webhook says so at once when the simulator's is set; otherwise the record does, about 5 s after the end.
  await expect(async () => {
    const status = calleeStatus(page, rejects);
    if ((await status.getAttribute("data-status")) !== "rejected") await page.getByRole("button", { name: "Record" }).click();
    await expect(status).toHaveAttribute("data-status", "rejected", { timeout: 1_000 });
  }).toPass({ timeout: 25_000, intervals: [1_000, 2_000] });
  await expect(page.getByTestId("call-phase")).toHaveAttribute("data-phase", "ended");
  await expect(page.getByRole("button", { name: "End call" })).toBeDisabled();
});

test("history stays free of status polls by default", async ({ callForm, page, request }) => {
  test.setTimeout(60_000);
  const robot = uniqueId("robot-bg");
  await callForm.goto();
  await callForm.start({ robot, callees: [uniqueId("rings")], timeout: "60000" });
  const callId = await callForm.result.getByTestId("result-call-id").innerText();
  await callForm.result.getByRole("button", { name: "Live status" }).click();
  // Watching: background reads every 3 s, each linked to the call.
  await expect
    .poll(
      async () => ((await (await request.get(`/api/calls/${callId}`)).json()) as DetailJson).timeline.filter((t) => t.background).length,
      { timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(2);
  await callForm.result.getByRole("button", { name: "End call" }).click();
  await expect(callForm.result.getByTestId("end-result")).toContainText("Call ended");

  const list = async (extra = "") =>
    ((await (await request.get(`/api/history?q=${robot}${extra}`)).json()) as { entries: { command: string; background: boolean }[] })
      .entries;
  const shown = await list();
  // The start, the one read asked for by hand, and the end: no polls.
  expect(shown.map((e) => e.command.split("/")[1]).sort()).toEqual(["end_call", "get_call_info", "start_call_by_robot"]);
  expect(shown.every((e) => !e.background)).toBe(true);
  const all = await list("&background=1");
  expect(all.filter((e) => e.background).length).toBeGreaterThanOrEqual(2);

  await page.goto(`/history?q=${robot}`);
  await expect(page.getByTestId("history-row")).toHaveCount(3);
  await expect(page.getByTestId("history-row").filter({ hasText: "(background)" })).toHaveCount(0);
  // The box applies at once: the filter goes into the address, and the list reloads with it.
  await page.getByLabel(/Show background reads/).click();
  await expect(page).toHaveURL(/background=1/);
  await expect(page.getByLabel(/Show background reads/)).toBeChecked();
  // A read in flight when the call ended may land later: count at least those seen before.
  await expect
    .poll(async () => page.getByTestId("history-row").filter({ hasText: "(background)" }).count())
    .toBeGreaterThanOrEqual(all.filter((e) => e.background).length);
  // Every follow-up links to its call, and the RequestId never wraps.
  await expect(page.getByTestId("history-row").first().getByRole("link", { name: "call" })).toHaveAttribute("href", `/calls/${callId}`);
  const cell = page.getByTestId("history-row").first().locator("td").last();
  expect(await cell.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("nowrap");
});

test("the result is in view after Start at 1440x900, its heading focused", async ({ callForm, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await callForm.goto();
  await callForm.fill({ robot: uniqueId("robot-view"), callees: [uniqueId("sim-answers")] });
  // The Start button is below the long form: scroll to it as a person would.
  await callForm.submit.scrollIntoViewIfNeeded();
  await callForm.submit.click();
  const heading = callForm.result.getByRole("heading", { name: "Result" });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(callForm.result.getByTestId("result-call-id")).toBeInViewport();
  await expect(page.getByTestId("result-announcement")).toContainText("Result: call started");
});

test("simulator accounts add the callee, push settings fold with a count, and the robot is remembered per profile", async ({
  callForm,
  page,
}) => {
  const robot = uniqueId("robot-mem");
  await callForm.goto();
  await page.getByRole("button", { name: "Add sim-rejects to the callees" }).click();
  await page.getByRole("button", { name: "Add sim-answers to the callees" }).click();
  await expect(callForm.callees).toHaveValue("sim-rejects\nsim-answers");
  await expect(page.getByLabel("Title", { exact: true })).toBeHidden();
  await callForm.robot.fill(robot);
  await callForm.submit.click();
  await callForm.result.getByRole("button", { name: "End call" }).click();
  await expect(callForm.result.getByTestId("end-result")).toContainText("Call ended");
  await callForm.goto();
  await expect(callForm.robot).toHaveValue(robot);
});
