import { expect, test, uniqueId } from "./fixtures";

test("history finds an entry by RequestId, CallId and callee, and the filter survives a reload", async ({ callForm, history, page }) => {
  const callee = uniqueId("findme");
  await callForm.goto();
  await callForm.start({ robot: uniqueId("robot"), callees: [callee] });
  const requestId = await callForm.requestId();
  const callId = await callForm.result.getByTestId("result-call-id").innerText();

  await history.goto();
  await history.find(requestId);
  await expect(history.rows).toHaveCount(1);
  await expect(history.rows.first()).toContainText(callee);
  await page.reload();
  await expect(history.search).toHaveValue(requestId);
  await expect(history.rows).toHaveCount(1);

  await history.find(callId);
  await expect(history.rows).toHaveCount(1);
  await history.find(callee);
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

test("history pages through older entries", async ({ history, request, page }) => {
  const response = await request.get("/api/history?limit=1");
  const first = (await response.json()) as { entries: { id: string }[]; nextCursor: string | null };
  if (first.nextCursor) {
    const next = (await (await request.get(`/api/history?limit=1&cursor=${first.nextCursor}`)).json()) as { entries: { id: string }[] };
    expect(next.entries[0]?.id).not.toBe(first.entries[0]?.id);
  }
  expect((await request.get("/api/history?limit=0")).status()).toBe(400);
  await history.goto();
  await expect(page.getByRole("columnheader", { name: "RequestId" })).toBeVisible();
});
