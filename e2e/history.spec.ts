import { expect, test, uniqueId } from "./fixtures";

test("history finds an entry by RequestId, CallId and callee, and the filter survives a reload", async ({ callForm, history, page }) => {
  const callee = uniqueId("findme");
  await callForm.goto();
  await callForm.start({ robot: uniqueId("robot"), callees: [callee] });
  const requestId = await callForm.requestId();
  const callId = await callForm.result.getByTestId("result-call-id").innerText();

  // A whole RequestId or CallId opens its entry; a callee lists its attempts, and that filter survives a reload.
  await history.goto();
  await history.search.fill(requestId);
  await expect(page.getByTestId("entry-request-id")).toHaveText(requestId);
  await history.goto();
  await history.search.fill(callId);
  await expect(page.getByTestId("entry-request-id")).toHaveText(requestId);

  await history.goto();
  await history.find(callee);
  await expect(history.rows).toHaveCount(1);
  await expect(history.rows.first()).toContainText(requestId);
  await page.reload();
  await expect(history.search).toHaveValue(callee);
  await expect(history.rows).toHaveCount(1);
  await history.find("Id-00000000000000000000000000000000-O-Seq-0");
  await expect(page.getByText("Nothing matches")).toBeVisible();
});

test("an entry opens by its RequestId as well as by its id", async ({ callForm, page }) => {
  await callForm.goto();
  await callForm.start({ robot: uniqueId("robot"), callees: [uniqueId("c")] });
  const requestId = await callForm.requestId();
  await page.goto(`/history/${requestId}`);
  await expect(page.getByTestId("entry-request-id")).toHaveText(requestId);
  await page.goto("/history/01NOSUCHENTRY0000000000000");
  await expect(page.getByRole("heading", { name: "No such history entry" })).toBeVisible();
});

test("history pages through older entries: newest first, no entry twice, none left out", async ({ callForm, history, request, page }) => {
  // Five attempts of one robot: other tests write history at the same time, so the pages are of this robot's entries.
  const robot = uniqueId("robot-pages");
  await callForm.goto();
  const requestIds: string[] = [];
  for (let i = 0; i < 5; i++) {
    await callForm.fill({ robot, callees: [uniqueId(`page-${i}`)] });
    await callForm.submit.click();
    const shown = callForm.result.getByTestId("result-request-id");
    await expect(shown).toHaveText(/^Id-[0-9a-f]{32}-O-Seq-\d+$/);
    await expect(shown).not.toHaveText(requestIds.at(-1) ?? "none yet");
    requestIds.push(await callForm.requestId());
  }
  expect(new Set(requestIds).size).toBe(5);

  type Page = { entries: { id: string; requestId: string | null }[]; nextCursor: string | null };
  const pages: Page[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 5 && (i === 0 || cursor); i++) {
    const response = await request.get(`/api/history?q=${robot}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
    expect(response.status()).toBe(200);
    const current = (await response.json()) as Page;
    pages.push(current);
    cursor = current.nextCursor;
  }
  expect(pages.map((p) => p.entries.length)).toEqual([2, 2, 1]);
  expect(pages.at(-1)?.nextCursor).toBeNull();
  const ids = pages.flatMap((p) => p.entries.map((e) => e.id));
  // Newest first across the pages (ULIDs sort by time), each entry once, each page's cursor its last entry.
  expect(ids).toEqual([...ids].sort().reverse());
  expect(new Set(ids).size).toBe(5);
  for (const p of pages.slice(0, -1)) expect(p.nextCursor).toBe(p.entries.at(-1)?.id);
  expect(pages.flatMap((p) => p.entries.map((e) => e.requestId))).toEqual([...requestIds].reverse());

  expect((await request.get("/api/history?limit=0")).status()).toBe(400);
  await history.goto();
  await expect(page.getByRole("columnheader", { name: "RequestId" })).toBeVisible();
});

test("a part of a RequestId finds its entry; filters live in the address and survive a reload", async ({ callForm, history, page }) => {
  const robot = uniqueId("robot-filter");
  await callForm.goto();
  await callForm.start({ robot, callees: [uniqueId("c")] });
  const requestId = await callForm.requestId();
  await callForm.fill({ robot, callees: [uniqueId("sim-not-imported")] });
  await callForm.submit.click();
  await expect(callForm.explanation).toContainText("70107");

  await history.goto();
  const hex = requestId.slice(3, 3 + 12);
  await history.find(hex);
  await expect(history.rows).toHaveCount(1);
  await expect(history.rows.first()).toContainText(requestId);

  await history.find(robot);
  await expect(history.rows).toHaveCount(2);
  await history.filter("Outcome").selectOption("api-error");
  await history.filter("ErrorCode").fill("70107");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/outcome=api-error/);
  await expect(page).toHaveURL(/code=70107/);
  await expect(history.rows).toHaveCount(1);
  await expect(history.rows.first()).toContainText("API error");
  await page.reload();
  await expect(history.filter("Outcome")).toHaveValue("api-error");
  await expect(history.rows).toHaveCount(1);

  await history.filter("Outcome").selectOption("ok");
  await history.filter("ErrorCode").fill("");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(history.rows).toHaveCount(1);
  await expect(history.rows.first()).toContainText(requestId);
});

test("the filtered history exports as CSV and JSON that parse, with no secret", async ({ callForm, request }) => {
  const robot = uniqueId("robot-export");
  await callForm.goto();
  await callForm.start({ robot, callees: ["comma,callee", uniqueId("c")].map((c) => c.replace(",", "-")) });
  await callForm.fill({ robot, callees: [uniqueId("c2")] });
  await callForm.submit.click();
  await expect(callForm.result).toBeVisible();

  const json = await request.get(`/api/history/export?format=json&q=${robot}`);
  expect(json.headers()["content-disposition"]).toMatch(/attachment; filename="call-engine-history-.*\.json"/);
  const rows = (await json.json()) as { robot_account: string; url: string; request_body: { Robot_Account: string } }[];
  expect(rows).toHaveLength(2);
  expect(rows.every((r) => r.robot_account === robot && r.request_body.Robot_Account === robot)).toBe(true);
  expect(rows[0]?.url).toContain("usersig=<USERSIG>");

  const csv = await request.get(`/api/history/export?format=csv&q=${robot}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toMatch(/^id,created_at,completed_at,profile,/);
  expect(lines).toHaveLength(3);
  for (const text of [JSON.stringify(rows), lines.join("\n")]) expect(text).not.toMatch(/usersig=eJ/);

  expect((await request.get("/api/history/export?format=xml")).status()).toBe(400);
  expect((await request.get("/api/history/export?format=csv&from=yesterday")).status()).toBe(400);
});

test("the overview counts attempts per profile, explains the top error codes, and links to that history", async ({ callForm, page }) => {
  await callForm.goto();
  for (const callee of ["sim-rate-limited", "sim-rate-limited", uniqueId("ok")]) {
    await callForm.fill({
      robot: uniqueId("robot-overview"),
      callees: [callee === "sim-rate-limited" ? uniqueId("sim-rate-limited") : callee],
    });
    await callForm.submit.click();
    await expect(callForm.result).toBeVisible();
  }
  await page.goto("/");
  const day = page.getByRole("region", { name: "Last 24 hours" });
  const simulator = day.getByTestId("profile-stats").filter({ hasText: "Simulator" });
  await expect(simulator).toContainText(/\d+ attempts/);
  await expect(simulator.getByTestId("latency")).toHaveText(/median [\d,.]+ (ms|s), p95 [\d,.]+ (ms|s)/);
  const rateLimit = simulator.getByTestId("top-error").filter({ hasText: "60007" });
  await expect(rateLimit).toContainText("Rate limit exceeded");
  await expect(rateLimit).toContainText("Back off");
  await rateLimit.getByRole("link", { name: "60007" }).click();
  await expect(page).toHaveURL(/\/history\?.*code=60007/);
  await expect(page).toHaveURL(/profile=simulator/);
  await expect(page.getByTestId("history-row").first()).toContainText("60007");
  for (const row of await page.getByTestId("history-row").all()) await expect(row).toContainText("60007");
});
