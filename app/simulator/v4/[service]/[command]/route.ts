import { guardRoute } from "@/lib/auth/guards";
import { runtime } from "@/lib/calls/runtime";
import { readBodyLimited } from "@/lib/request-body";

export const dynamic = "force-dynamic";

/**
 * The built-in Call Engine simulator over HTTP, at the same paths as the real
 * service: POST /simulator/v4/<service>/<command>?sdkappid=...&usersig=...
 * It checks its own UserSig, so it needs no console session.
 */
async function handle(request: Request): Promise<Response> {
  await guardRoute("/simulator/v4/[service]/[command]");
  const body = await readBodyLimited(request, 1024 * 1024);
  if (!body.ok) return new Response("request body too large", { status: 413 });
  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.method === "POST" ? body.text : undefined,
  });
  return runtime().simulator.handle(limited, request.signal);
}

export const POST = handle;
export const GET = handle;
