import { guardRoute } from "@/lib/auth/guards";
import { serveSimulator } from "@/lib/calls/runtime";
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
  return serveSimulator(request, region);
}

export const POST = handle;
// Every other method answers 60008 in the simulator's envelope, as the gateway does.
export const GET = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
