import { NextResponse, type NextRequest } from "next/server";
import { guardRoute } from "@/lib/auth/guards";
import { callDetail } from "@/lib/calls/calls";
import { readyDb } from "@/lib/calls/ready";

export const dynamic = "force-dynamic";

/** GET /api/calls/<CallId> : the call's one state and its ordered timeline. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ callId: string }> }) {
  const { refusal } = await guardRoute("/api/calls/[callId]");
  if (refusal) return refusal;
  const { callId } = await params;
  const detail = await callDetail(await readyDb(), decodeURIComponent(callId));
  if (!detail) return NextResponse.json({ error: "no start in history gave this CallId" }, { status: 404 });
  return NextResponse.json(detail);
}
