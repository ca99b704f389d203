import { NextResponse } from "next/server";
import { guardRoute } from "@/lib/auth/guards";
import { liveCalls } from "@/lib/calls/calls";
import { readyDb } from "@/lib/calls/ready";

export const dynamic = "force-dynamic";

/** GET /api/calls/live : the calls that may still change (started in the last two hours). */
export async function GET() {
  const { refusal } = await guardRoute("/api/calls/live");
  if (refusal) return refusal;
  return NextResponse.json({ calls: await liveCalls(await readyDb()) });
}
