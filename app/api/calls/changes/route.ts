import { NextResponse } from "next/server";
import { guardRoute } from "@/lib/auth/guards";
import { callChanges } from "@/lib/calls/call-changes";
import { readyDb } from "@/lib/calls/ready";

export const dynamic = "force-dynamic";

/** GET /api/calls/changes : the webhook events of the last seconds (ids and CallIds), for the live views. */
export async function GET() {
  const { refusal } = await guardRoute("/api/calls/changes");
  if (refusal) return refusal;
  return NextResponse.json(await callChanges(await readyDb()), { headers: { "cache-control": "no-store" } });
}
