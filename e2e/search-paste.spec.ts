import { expect, test, uniqueId } from "./fixtures";

/** What support pastes into the history search, as "Copy for support" and addresses write it. */
test.describe("the history search takes what support pastes", () => {
  test("a RequestId with its label, quoted, in any case, or as an address opens its entry", async ({ page, callForm, history }) => {
    test.setTimeout(60_000);
    await callForm.goto();
    await callForm.start({ robot: uniqueId("paste-robot"), callees: [uniqueId("paste-callee")] });
    const requestId = await callForm.requestId();
    const entryHref = (await callForm.result.getByRole("link", { name: /Open in history/ }).getAttribute("href")) ?? "";

    for (const pasted of [
      `RequestId: ${requestId}`,
      `"${requestId}"`,
      `  ${requestId.toUpperCase()}  `,
      `requestid:${requestId.toLowerCase()}`,
      `http://127.0.0.1:3000${entryHref}`,
    ]) {
      await history.goto();
      await history.search.fill(pasted);
      // No button: the search applies once typing settles, and a whole id opens its entry.
      await expect(page, pasted).toHaveURL(new RegExp(`${entryHref}$`));
      await expect(page.getByTestId("entry-request-id")).toHaveText(requestId);
    }
  });

  test("a CallId (labelled, quoted, or a /calls/ address) opens the entry that started the call", async ({ page, callForm, history }) => {
    test.setTimeout(60_000);
    await callForm.goto();
    await callForm.start({ robot: uniqueId("paste-call"), callees: [uniqueId("paste-callee")] });
    const callId = await callForm.result.getByTestId("result-call-id").innerText();
    const entryHref = (await callForm.result.getByRole("link", { name: /Open in history/ }).getAttribute("href")) ?? "";

    for (const pasted of [`CallId: ${callId}`, `'${callId.toUpperCase()}'`, `https://console.example/calls/${callId}`]) {
      await history.goto();
      await history.search.fill(pasted);
      await expect(page, pasted).toHaveURL(new RegExp(`${entryHref}$`));
      await expect(page).toHaveTitle(/start_call_by_robot|Start call/i);
    }
  });

  test("a UserID lists its calls without opening one; filters apply as they change", async ({ page, callForm, history }) => {
    const robot = uniqueId("Paste-Robot");
    await callForm.goto();
    await callForm.start({ robot, callees: [uniqueId("c")] });
    await callForm.start({ robot, callees: [uniqueId("c")] });

    await history.goto();
    await history.search.fill(`  "${robot}" `);
    await expect(page).toHaveURL(new RegExp(`q=${robot}`));
    await expect(history.rows).toHaveCount(2);
    // A UserID is case-sensitive: another case finds nothing.
    await history.search.fill(robot.toLowerCase());
    await expect(page.getByText("Nothing matches these filters.")).toBeVisible();
    await history.search.fill(robot);
    await expect(history.rows).toHaveCount(2);

    await history.filter("Outcome").selectOption("api-error");
    await expect(page).toHaveURL(/outcome=api-error/);
    await expect(page.getByText("Nothing matches these filters.")).toBeVisible();
    await history.filter("Outcome").selectOption("");
    await expect(history.rows).toHaveCount(2);

    await page.getByRole("button", { name: "Last hour" }).click();
    await expect(page).toHaveURL(/from=/);
    await expect(history.rows).toHaveCount(2);
    await page.getByRole("button", { name: "7 days" }).click();
    await expect(history.rows).toHaveCount(2);
    await page.getByRole("button", { name: "Any time" }).click();
    await expect(page).not.toHaveURL(/from=/);
  });

  test("each entry's tab names its command and RequestId", async ({ page, callForm }) => {
    await callForm.goto();
    await callForm.start({ robot: uniqueId("title-robot"), callees: [uniqueId("c")] });
    const requestId = await callForm.requestId();
    await callForm.result.getByRole("link", { name: /Open in history/ }).click();
    await expect(page).toHaveTitle(new RegExp(`${requestId} · Call Engine Console$`));
    await page.goto("/history");
    await expect(page).toHaveTitle("History · Call Engine Console");
  });
});
