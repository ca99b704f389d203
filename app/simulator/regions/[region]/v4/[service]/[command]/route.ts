import { guardRoute } from "@/lib/auth/guards";
import { runtime } from "@/lib/calls/runtime";
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
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > 1024 * 1024) return new Response("request body too large", { status: 413 });
  return runtime().simulator.handle(request, request.signal, region);
}

export const POST = handle;
export const GET = handle;
