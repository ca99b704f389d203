import { NextResponse, type NextRequest } from "next/server";
import { guardRoute } from "@/lib/auth/guards";
import { readyDb } from "@/lib/calls/ready";
import { receiveWebhook } from "@/lib/calls/webhooks";
import { trustedProxies } from "@/lib/env";
import { requestOrigin } from "@/lib/forwarded";
import { readBodyLimited } from "@/lib/request-body";

export const dynamic = "force-dynamic";

/**
 * The Call Engine's webhooks: POST ?SdkAppid=&CallbackCommand=&contenttype=json&ClientIP=&OptPlatform=
 * Public: it checks its own parameters (the SdkAppid must belong to a profile).
 */
export async function POST(request: NextRequest) {
  await guardRoute("/api/webhooks/call-engine");
  // Call events are a few hundred bytes; 64 KB leaves room for long member lists.
  const body = await readBodyLimited(request, 64 * 1024);
  if (!body.ok) return NextResponse.json({ ActionStatus: "FAIL", ErrorInfo: "body larger than 64 KB", ErrorCode: 2 }, { status: 413 });
  const params = request.nextUrl.searchParams;
  const answer = await receiveWebhook(await readyDb(), {
    sdkAppId: params.get("SdkAppid"),
    command: params.get("CallbackCommand"),
    body: body.text,
    clientIp: params.get("ClientIP") ?? requestOrigin(request.headers, trustedProxies()).ip,
  });
  return NextResponse.json(answer.body, { status: answer.status });
}
