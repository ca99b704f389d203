import { guardRoute } from "@/lib/auth/guards";
import { runtime } from "@/lib/calls/runtime";
import { readBodyLimited } from "@/lib/request-body";
import { isRegionId } from "@/lib/tencent/regions";

export const dynamic = "force-dynamic";

/**
 * The simulator as seen through one data centre: its app answers in the home
 * region (SIMULATOR_HOME_REGION) and the others answer 60026, like a real
 * SDKAppID asked in the wrong region. Point TENCENT_REGION_URLS here to try it.
 */
async function handle(request: Request, { params }: { params: Promise<{ region: string }> }): Promise<Response> {
  await guardRoute("/simulator/regions/[region]/v4/[service]/[command]");
  const { region } = await params;
  if (!isRegionId(region)) return new Response(`unknown region ${region}`, { status: 404 });
  const body = await readBodyLimited(request, 1024 * 1024);
  if (!body.ok) return new Response("request body too large", { status: 413 });
  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.method === "POST" ? body.text : undefined,
  });
  return runtime().simulator.handle(limited, request.signal, region);
}

export const POST = handle;
export const GET = handle;
