import { expect, SIMULATOR_SECRET_KEY, test, uniqueId } from "./fixtures";

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

test("neither the SecretKey nor a UserSig reaches the browser", async ({ page, callForm }) => {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    try {
      bodies.push(await response.text());
    } catch {
      // redirects and aborted requests have no body
    }
  });
  await callForm.goto();
  await callForm.start({ robot: uniqueId("robot"), callees: [uniqueId("c")] });
  await callForm.result.getByRole("link", { name: /Open in history/ }).click();
  await expect(page.getByTestId("entry-request-body")).toBeVisible();
  await page.goto("/history");
  await expect(page.getByTestId("history-row").first()).toBeVisible();

  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) {
    expect(body).not.toContain(SIMULATOR_SECRET_KEY);
    // Every UserSig starts with "eJ" (a zlib header in base64); none may appear as a query value.
    expect(body).not.toMatch(/usersig=eJ/);
  }
});
