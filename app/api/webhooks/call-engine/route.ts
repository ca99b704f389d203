import { NextResponse, type NextRequest } from "next/server";
import { guardRoute } from "@/lib/auth/guards";
import { readyDb } from "@/lib/calls/ready";
import { receiveWebhook } from "@/lib/calls/webhooks";

export const dynamic = "force-dynamic";

/**
 * The receiver without a token, kept to say where events go now: every event
 * is refused (401, counted, not read) with a pointer to the profile's
 * tokened URL, /api/webhooks/call-engine/<token>.
 */
export async function POST(request: NextRequest) {
  await guardRoute("/api/webhooks/call-engine");
  const query = request.nextUrl.searchParams;
  const answer = await receiveWebhook(await readyDb(), {
    token: null,
    sdkAppId: query.get("SdkAppid"),
    command: query.get("CallbackCommand"),
    body: "",
    clientIp: null,
  });
  return NextResponse.json(answer.body, { status: answer.status });
}
