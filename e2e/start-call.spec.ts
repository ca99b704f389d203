import { expect, test, uniqueId } from "./fixtures";

test.describe("start a call on the built-in simulator", () => {
  test("succeeds, shows RequestId, CallId and each callee, and lands in history", async ({ callForm, page }) => {
    const robot = uniqueId("robot");
    const callees = [uniqueId("alice"), uniqueId("bob")];
    await callForm.goto();
    await expect(page.getByLabel("Profile")).toHaveValue("simulator");
    await callForm.start({ robot, callees });

    await expect(callForm.result.getByText("OK", { exact: true })).toBeVisible();
    const requestId = await callForm.requestId();
    expect(requestId).toMatch(/^Id-[0-9a-f]{32}-O-Seq-\d+$/);
    await expect(callForm.result.getByTestId("result-call-id")).toHaveText(/^[0-9a-f-]{36}$/);
    for (const callee of callees) {
      await expect(callForm.result.getByRole("row", { name: new RegExp(callee) })).toContainText("invited");
    }

    await callForm.result.getByRole("link", { name: /Open in history/ }).click();
    await expect(page.getByTestId("entry-request-id")).toHaveText(requestId);
    await expect(page.getByTestId("entry-request-body")).toContainText(robot);
    await expect(page.getByTestId("entry-url")).toContainText("usersig=<USERSIG>");
    await expect(page.getByTestId("entry-response")).toContainText('"ActionStatus": "OK"');
  });

  test("the preview shows exactly the body to be sent, without empty fields", async ({ callForm }) => {
    await callForm.goto();
    await callForm.fill({ robot: "robot_preview", callees: ["x1", "x2"], timeout: "45000" });
    await callForm.page.getByLabel("CallInfo.RoomIdType").selectOption("2");
    await callForm.page.getByLabel("CallInfo.RoomId", { exact: true }).fill("room-42");
    const body = JSON.parse(await callForm.preview.innerText()) as unknown;
    expect(body).toEqual({
      Robot_Account: "robot_preview",
      CalleeList_Account: ["x1", "x2"],
      Timeout: 45000,
      CallInfo: { MediaType: "Video", RoomIdType: 2, RoomId: "room-42" },
    });
  });

  test("push settings reach the request, with numbers as numbers", async ({ callForm, page }) => {
    const robot = uniqueId("robot_push");
    await callForm.goto();
    await callForm.fill({ robot, callees: [uniqueId("c")] });
    await expect(page.getByTestId("push-count")).toContainText("nothing set");
    await page.getByText("Offline push", { exact: true }).click();
    await page.getByLabel("Title", { exact: true }).fill("Incoming test call");
    await expect(page.getByTestId("push-count")).toContainText("1 field set");
    await page.getByText("ApnsInfo", { exact: true }).click();
    await page.getByLabel("ApnsInfo.IsVoipPush").selectOption("1");
    await page.getByText("AndroidInfo", { exact: true }).click();
    await page.getByLabel("AndroidInfo.VIVONotifyType").selectOption("2");
    await callForm.submit.click();
    await expect(callForm.result.getByText("OK", { exact: true })).toBeVisible();
    await callForm.result.getByRole("link", { name: /Open in history/ }).click();
    const body = JSON.parse(await page.getByTestId("entry-request-body").innerText()) as { OfflinePushInfo: unknown };
    expect(body.OfflinePushInfo).toEqual({
      Title: "Incoming test call",
      AndroidInfo: { VIVONotifyType: "2" },
      ApnsInfo: { IsVoipPush: 1 },
    });
  });
});

test.describe("failures explain themselves", () => {
  test("a callee never imported (70107): cause and what to do", async ({ callForm }) => {
    const missing = uniqueId("sim-not-imported");
    await callForm.goto();
    await callForm.start({ robot: uniqueId("robot"), callees: ["alice", missing] });
    await expect(callForm.result.getByText("API error")).toBeVisible();
    await expect(callForm.explanation).toContainText("UserID does not exist");
    await expect(callForm.explanation).toContainText("ErrorCode 70107");
    await expect(callForm.explanation).toContainText(missing);
    await expect(callForm.explanation).toContainText("account_import");
  });

  test("an internal error (101001) warns that a retry may ring twice", async ({ callForm }) => {
    await callForm.goto();
    await callForm.start({ robot: uniqueId("robot"), callees: ["sim-internal-error"] });
    await expect(callForm.explanation).toContainText("Call Engine internal error");
    await expect(callForm.explanation).toContainText("ring them twice");
  });

  test("an answer slower than the timeout is recorded as a timeout", async ({ callForm, page }) => {
    await callForm.goto();
    await callForm.start({ robot: uniqueId("robot"), callees: [uniqueId("sim-slow")] });
    await expect(callForm.result.getByText("Timeout", { exact: true })).toBeVisible();
    await expect(callForm.explanation).toContainText("No answer in time");
    await expect(callForm.result).toContainText("none (no answer from the Call Engine)");
    await callForm.result.getByRole("link", { name: /Open in history/ }).click();
    await expect(page.getByTestId("explanation")).toContainText("no answer within 3000 ms");
  });

  test("a rate limit (60007) and a broken gateway (HTTP 502)", async ({ callForm }) => {
    await callForm.goto();
    await callForm.start({ robot: uniqueId("robot"), callees: ["sim-rate-limited"] });
    await expect(callForm.explanation).toContainText("Rate limit exceeded");
    await callForm.fill({ robot: uniqueId("robot"), callees: ["sim-gateway-error"] });
    await callForm.submit.click();
    await expect(callForm.explanation).toContainText("HTTP error from the gateway");
    await expect(callForm.explanation).toContainText("HTTP 502");
  });
});

test.describe("validation", () => {
  test("an invalid form shows every field error and sends nothing", async ({ callForm, page, request }) => {
    const robot = "robot名";
    await callForm.goto();
    await callForm.fill({ robot, callees: ["ok_callee", "名字"], timeout: "5000" });
    await page.getByLabel("CallInfo.RoomIdType").selectOption("1");
    await page.getByLabel("CallInfo.RoomId", { exact: true }).fill("not-a-number");
    await callForm.userData.fill("好".repeat(400));
    await callForm.submit.click();

    await expect(callForm.robot).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("must be printable ASCII (letters, digits, _ and - are safest)").first()).toBeVisible();
    await expect(page.getByText('callee "名字" must be printable ASCII')).toBeVisible();
    await expect(page.getByText("must be at least 10000 ms")).toBeVisible();
    await expect(page.getByText("must be a whole number from 1 to 4294967294 when RoomIdType is 1")).toBeVisible();
    await expect(page.getByText("must be at most 1000 bytes in UTF-8")).toBeVisible();
    await expect(page.getByText("1200 / 1000 bytes")).toBeVisible();
    await expect(callForm.result).toHaveCount(0);

    // No start went out (the callee check may have asked about ok_callee: that is a read, kept in history too).
    const starts = `/api/history?q=ok_callee&command=${encodeURIComponent("call_engine_http_srv/start_call_by_robot")}`;
    const history = (await (await request.get(starts)).json()) as { entries: unknown[] };
    expect(history.entries).toHaveLength(0);
  });

  test("what only the console advises against is a warning, and the body can be sent as it is", async ({ callForm, page }) => {
    const callee = uniqueId("twice");
    await callForm.goto();
    await callForm.fill({ robot: "robot with space", callees: [callee, callee] });
    await page.getByLabel("CallInfo.RoomId", { exact: true }).fill("room 7");
    const preview = page.getByRole("list", { name: "Warnings" });
    await expect(preview).toContainText("Console advice (not a Tencent rule): RoomId without RoomIdType");
    await expect(preview).toContainText(`Console advice (not a Tencent rule): "${callee}" listed more than once.`);
    await expect(preview).toContainText('Console advice (not a Tencent rule): "robot with space" uses characters');
    await callForm.submit.click();
    await expect(callForm.result.getByText("OK", { exact: true })).toBeVisible();
    await expect(callForm.robot).not.toHaveAttribute("aria-invalid", "true");
  });

  test("fixing the fields clears the errors as you type", async ({ callForm, page }) => {
    await callForm.goto();
    await callForm.fill({ robot: "", callees: ["a1"] });
    await callForm.submit.click();
    await expect(page.getByText("is required").first()).toBeVisible();
    await callForm.robot.fill("robot_fixed");
    await expect(callForm.robot).not.toHaveAttribute("aria-invalid", "true");
  });
});

test("a double click never rings the callees twice", async ({ callForm, request }) => {
  const robot = uniqueId("robot_double");
  await callForm.goto();
  await callForm.fill({ robot, callees: [uniqueId("c")] });
  await callForm.submit.dblclick();
  await expect(callForm.result).toBeVisible();
  await expect(callForm.submit).toBeEnabled();
  const history = (await (await request.get(`/api/history?q=${robot}`)).json()) as { entries: unknown[] };
  expect(history.entries).toHaveLength(1);
});
