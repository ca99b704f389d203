import { expect, test, uniqueId } from "./fixtures";

test("the health route answers with the database up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "up" });
});

test("the simulator answers over HTTP like the real service", async ({ request }) => {
  const missing = await request.post("/simulator/v4/call_engine_http_srv/start_call_by_robot?sdkappid=1400000001", { data: {} });
  expect(missing.status()).toBe(200);
  expect(await missing.json()).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 60025, RequestId: expect.stringMatching(/^Id-/) });
  const badSig = await request.post(
    "/simulator/v4/call_engine_http_srv/start_call_by_robot?sdkappid=1400000001&identifier=administrator&usersig=abc&random=1&contenttype=json",
    { data: {} },
  );
  expect((await badSig.json()) as unknown).toMatchObject({ ErrorCode: 70003 });
});

test("search engines are told to stay away, and the icons and manifest are served", async ({ request }) => {
  for (const path of ["/login", "/api/health", "/robots.txt", "/favicon.ico"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["x-robots-tag"], path).toBe("noindex, nofollow");
  }
  expect(await (await request.get("/robots.txt")).text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect([...(await favicon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  const apple = await (await request.get("/apple-touch-icon.png")).body();
  // A PNG's IHDR holds its width and height.
  expect([apple.readUInt32BE(16), apple.readUInt32BE(20)]).toEqual([180, 180]);
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as { name: string; icons: unknown[] };
  expect(manifest.name).toBe("Call Engine Console");
  expect(manifest.icons.length).toBeGreaterThan(0);
});

test("the theme: the system's by default, a choice remembered, applied before the first paint", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, colorScheme: "dark", storageState: "e2e/.auth/operator.json" });
  const page = await context.newPage();
  // What the page looks like before any of the app's JavaScript ran: the inline script has set the theme.
  await page.route(/\/_next\/static\/.*\.js$/, (route) => route.abort());
  await page.goto("/history");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.unroute(/\/_next\/static\/.*\.js$/);
  await page.goto("/history");
  // Hydrated: the times select shows the browser's choice (the server renders "utc").
  await expect(page.getByLabel("Show times in")).toHaveValue("local");
  await page.getByLabel("Theme").selectOption("light");
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.route(/\/_next\/static\/.*\.js$/, (route) => route.abort());
  await page.reload();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await context.close();
});

test("times show their zone and how long ago, the exact UTC on hover, in the zone the user chose", async ({ page, callForm }) => {
  await callForm.goto();
  await callForm.start({ robot: uniqueId("time-robot"), callees: [uniqueId("c")] });
  await page.goto("/history");
  const time = page.getByTestId("history-row").first().locator("time");
  await expect(time).toHaveAttribute("title", /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC$/);
  await expect(time).toContainText(/ago|just now/);
  await page.getByLabel("Show times in").selectOption("utc");
  await expect(time).toContainText("UTC");
  await page.reload();
  await expect(page.getByLabel("Show times in")).toHaveValue("utc");
  await expect(page.getByTestId("history-row").first().locator("time")).toContainText("UTC");
});
