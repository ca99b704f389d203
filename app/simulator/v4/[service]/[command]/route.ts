import { guardRoute } from "@/lib/auth/guards";
import { serveSimulator } from "@/lib/calls/runtime";

export const dynamic = "force-dynamic";

/**
 * The built-in Call Engine simulator over HTTP, at the same paths as the real
 * service: POST /simulator/v4/<service>/<command>?sdkappid=...&usersig=...
 * It checks its own UserSig, so it needs no console session.
 */
async function handle(request: Request): Promise<Response> {
  await guardRoute("/simulator/v4/[service]/[command]");
  return serveSimulator(request);
}

export const POST = handle;
// Every other method answers 60008 in the simulator's envelope, as the gateway does.
export const GET = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
