import { NextResponse } from "next/server";
import { guardRoute } from "@/lib/auth/guards";
import { callTimeline } from "@/lib/calls/call-events";

export const dynamic = "force-dynamic";

/** GET /api/history/<id>/events : the webhook events of the call this entry started, for its profile, oldest first. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { refusal } = await guardRoute("/api/history/[id]/events");
  if (refusal) return refusal;
  const { id } = await params;
  const events = await callTimeline(id);
  if (events === null) return NextResponse.json({ error: "no history entry with this id started a call" }, { status: 404 });
  return NextResponse.json({ events });
}
