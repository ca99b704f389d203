import { NextResponse } from "next/server";
import { guardRoute } from "@/lib/auth/guards";
import { callTimeline } from "@/lib/calls/call-events";

export const dynamic = "force-dynamic";

/** GET /api/calls/<CallId>/events : the call's webhook events, oldest first. */
export async function GET(_request: Request, { params }: { params: Promise<{ callId: string }> }) {
  const { refusal } = await guardRoute("/api/calls/[callId]/events");
  if (refusal) return refusal;
  const { callId } = await params;
  if (!callId || callId.length > 128 || /[\u0000-\u001f\u007f]/.test(callId)) {
    return NextResponse.json({ error: "callId must be a CallId" }, { status: 400 });
  }
  return NextResponse.json({ events: await callTimeline(callId) });
}
