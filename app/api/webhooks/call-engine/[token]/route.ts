import { NextResponse, type NextRequest } from "next/server";
import { guardRoute } from "@/lib/auth/guards";
import { trustedProxies } from "@/lib/env";
import { readyDb } from "@/lib/calls/ready";
import { receiveWebhook } from "@/lib/calls/webhooks";
import { requestOrigin } from "@/lib/forwarded";
import { readBytesLimited, strictUtf8 } from "@/lib/request-body";

export const dynamic = "force-dynamic";

/**
 * The Call Engine's webhooks for one profile: POST <token>?SdkAppid=&CallbackCommand=&contenttype=json&ClientIP=&OptPlatform=
 * Public: the token in the path is the proof (lib/calls/webhook-tokens.ts).
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  await guardRoute("/api/webhooks/call-engine/[token]");
  const { token } = await params;
  // Call events are a few hundred bytes; 64 KB leaves room for long member lists.
  const body = await readBytesLimited(request, 64 * 1024);
  if (!body.ok) return NextResponse.json({ ActionStatus: "FAIL", ErrorInfo: "body larger than 64 KB", ErrorCode: 2 }, { status: 413 });
  // Events are stored byte for byte: a body that is not UTF-8 could only be kept altered.
  const text = strictUtf8(body.bytes);
  if (text === null) return NextResponse.json({ ActionStatus: "FAIL", ErrorInfo: "body is not UTF-8", ErrorCode: 3 }, { status: 400 });
  const query = request.nextUrl.searchParams;
  const answer = await receiveWebhook(await readyDb(), {
    token,
    sdkAppId: query.get("SdkAppid"),
    command: query.get("CallbackCommand"),
    body: text,
    clientIp: query.get("ClientIP") ?? requestOrigin(request.headers, trustedProxies()).ip,
  });
  return NextResponse.json(answer.body, { status: answer.status });
}
