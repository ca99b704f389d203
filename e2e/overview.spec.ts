import { openDb } from "./db";
import { expect, test, uniqueId } from "./fixtures";

test("the charts render from the hourly rollups, and a bar opens the matching history", async ({ callForm, page }) => {
  test.setTimeout(60_000);
  await callForm.goto();
  for (const callee of [uniqueId("sim-rate-limited"), uniqueId("ok")]) {
    await callForm.fill({ robot: uniqueId("robot-charts"), callees: [callee] });
    await callForm.submit.click();
    await expect(callForm.result).toBeVisible();
  }
  await page.goto("/");
  const day = page.getByRole("region", { name: "Last 24 hours" });
  const simulator = day.getByTestId("profile-stats").filter({ hasText: "Simulator" });
  const shown = Number(/(\d+) attempts?/.exec(await simulator.innerText())?.[1]);

  // The numbers are the rollups' (counted as attempts completed), not a scan of history.
  const since = await simulator.getByRole("link", { name: /attempts?$/ }).getAttribute("href");
  const from = new URL(since ?? "", "http://x").searchParams.get("from") ?? "";
  const db = openDb();
  try {
    const { n } = db
      .prepare("select coalesce(sum(attempts), 0) n from request_rollups where profile_key = 'simulator' and hour >= ?")
      .get(from.slice(0, 13)) as { n: number };
    // Other tests may complete attempts meanwhile: the page was read first, so it shows at most what the table holds now.
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(n);
  } finally {
    db.close();
  }

  const charts = page.getByTestId("overview-charts").first();
  await charts.getByLabel(/Profile of the charts/).selectOption({ label: "Simulator" });
  await expect(charts.getByTestId("chart-outcomes").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(charts.getByTestId("chart-latency").locator(".recharts-bar-rectangle").first()).toBeVisible();
  const errorBar = charts.getByTestId("chart-errors").locator(".recharts-bar-rectangle path").last();
  await errorBar.click();
  await expect(page).toHaveURL(/\/history\?.*profile=simulator/);
  await expect(page).toHaveURL(/code=\d+/);
  await expect(page).toHaveURL(/from=.*&to=/);
  await expect(page.getByTestId("history-row").first()).toBeVisible();
  const code = new URL(page.url()).searchParams.get("code") ?? "";
  for (const row of await page.getByTestId("history-row").all()) await expect(row).toContainText(code);
});
