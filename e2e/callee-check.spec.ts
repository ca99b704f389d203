import { expect, test, uniqueId } from "./fixtures";

test("callees are checked as they are typed, each state shown beside it, and starting is not blocked", async ({
  callForm,
  page,
  request,
}) => {
  const online = uniqueId("alice");
  const notImported = uniqueId("sim-not-imported");
  const offline = uniqueId("sim-offline");
  await callForm.goto();
  await callForm.fill({ robot: uniqueId("robot"), callees: [online, notImported, offline] });

  const state = (id: string) => page.locator(`[data-testid="callee-state"][data-callee="${id}"]`);
  await expect(state(notImported)).toHaveAttribute("data-state", "not-imported");
  await expect(state(notImported)).toContainText("account_import");
  await expect(state(offline)).toHaveAttribute("data-state", "offline");
  await expect(state(offline)).toContainText("push only");
  await expect(state(online)).toHaveAttribute("data-state", "online");

  // Both checks are requests in history, like every other (listed with their callees, though a UserID search finds the calls).
  for (const command of ["im_open_login_svc/account_check", "openim/query_online_status"]) {
    const found = (await (await request.get(`/api/history?command=${encodeURIComponent(command)}&limit=200`)).json()) as {
      entries: { command: string; outcome: string; callees: string[] }[];
    };
    expect(
      found.entries.find((e) => e.callees.includes(offline)),
      command,
    ).toMatchObject({ command, outcome: "ok" });
  }

  // The check advises; it never blocks: the start goes out (and the simulator answers 70107 for the callee never imported).
  await callForm.submit.click();
  await expect(callForm.result).toBeVisible();
  await expect(callForm.result).toContainText("70107");
});
