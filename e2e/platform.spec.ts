import { expect, test } from "./fixtures";

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
