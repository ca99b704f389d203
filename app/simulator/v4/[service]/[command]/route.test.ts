/**
 * The simulator over HTTP (both routes): malformed requests get the envelope,
 * never a 500, a plain-text 413 or a body changed on the way.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { deriveSimulatorKey, loadMasterKey } from "@/lib/secrets";
import { genUserSig } from "@/lib/tencent/usersig";

const SECRET = "route-test-console-secret-0123456789abcdef";
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "console-sim-route-")), "data");
vi.stubEnv("DATA_DIR", dataDir);
// The simulator keeps its state in the console's database: a throwaway one.
vi.stubEnv("DATABASE_URL", `file:${dataDir}/console.db`);
vi.stubEnv("CONSOLE_SECRET", SECRET);
vi.stubEnv("SIMULATOR_HOME_REGION", "singapore");

type Handler = (request: Request, context: { params: Promise<{ region: string }> }) => Promise<Response>;
let routes: Record<string, (request: Request) => Promise<Response>>;
let query: string;

beforeAll(async () => {
  const plain = await import("./route");
  const regional = await import("@/app/simulator/regions/[region]/v4/[service]/[command]/route");
  routes = {
    plain: (request) => plain.POST(request),
    singapore: (request) => regional.POST(request, { params: Promise.resolve({ region: "singapore" }) }),
  };
  const secretKey = deriveSimulatorKey(loadMasterKey({ consoleSecret: SECRET, dataDir: "unused" }));
  const userSig = genUserSig({ sdkAppId: 1400000001, secretKey, identifier: "administrator", expireSeconds: 3600 });
  query = `sdkappid=1400000001&identifier=administrator&usersig=${userSig}&random=1&contenttype=json`;
});

const url = (region: string) =>
  region === "plain"
    ? `http://127.0.0.1/simulator/v4/call_config/get_callback?${query}`
    : `http://127.0.0.1/simulator/regions/${region}/v4/call_config/get_callback?${query}`;

async function envelope(response: Response): Promise<number> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
  const json = (await response.json()) as { ErrorCode: unknown; ActionStatus: unknown };
  expect(json.ActionStatus).toMatch(/^(OK|FAIL)$/);
  expect(typeof json.ErrorCode).toBe("number");
  return json.ErrorCode as number;
}

describe.each(["plain", "singapore"])("the simulator route (%s)", (region) => {
  it("answers a good request", async () => {
    expect(await envelope(await routes[region]!(new Request(url(region), { method: "POST", body: "{}" })))).toBe(100301);
  });

  it("answers a body over its 1 MiB read limit with 80002, not a plain 413", async () => {
    const body = "x".repeat(1024 * 1024 + 10);
    expect(await envelope(await routes[region]!(new Request(url(region), { method: "POST", body })))).toBe(80002);
  });

  it("passes the body's bytes unchanged: not UTF-8 answers 60003", async () => {
    const body = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expect(await envelope(await routes[region]!(new Request(url(region), { method: "POST", body })))).toBe(60003);
  });

  it("answers the other methods with 60008", async () => {
    const mod =
      region === "plain" ? await import("./route") : await import("@/app/simulator/regions/[region]/v4/[service]/[command]/route");
    const context = { params: Promise.resolve({ region: "singapore", service: "call_config", command: "get_callback" }) };
    for (const method of ["GET", "PUT", "PATCH", "DELETE"] as const) {
      const handler = mod[method] as Handler;
      const init = method === "GET" ? { method } : { method, body: "{}" };
      expect(await envelope(await handler(new Request(url(region), init), context))).toBe(60008);
    }
  });
});
