import { guardRoute } from "@/lib/auth/guards";
import { runtime } from "@/lib/calls/runtime";

export const dynamic = "force-dynamic";

/**
 * The built-in Call Engine simulator over HTTP, at the same paths as the real
 * service: POST /simulator/v4/<service>/<command>?sdkappid=...&usersig=...
 * It checks its own UserSig, so it needs no console session.
 */
async function handle(request: Request): Promise<Response> {
  await guardRoute("/simulator/v4/[service]/[command]");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > 1024 * 1024) return new Response("request body too large", { status: 413 });
  return runtime().simulator.handle(request, request.signal);
}

export const POST = handle;
export const GET = handle;
