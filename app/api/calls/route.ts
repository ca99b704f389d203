import { NextResponse, type NextRequest } from "next/server";
import { guardRoute } from "@/lib/auth/guards";
import { callsPage } from "@/lib/calls/calls";
import { readyDb } from "@/lib/calls/ready";
import { callFiltersFromParams } from "@/lib/forms/call-filters";

export const dynamic = "force-dynamic";

/** GET /api/calls?<filters>&cursor= : calls newest first, each with its one state. */
export async function GET(request: NextRequest) {
  const { refusal } = await guardRoute("/api/calls");
  if (refusal) return refusal;
  const params = request.nextUrl.searchParams;
  const parsed = callFiltersFromParams(params);
  if (!parsed.ok) return NextResponse.json({ error: parsed.error }, { status: 400 });
  const cursor = params.get("cursor") ?? undefined;
  if (cursor !== undefined && !/^[0-9A-Z]{26}$/.test(cursor))
    return NextResponse.json({ error: "cursor is not a history id" }, { status: 400 });
  return NextResponse.json(await callsPage(await readyDb(), parsed.filters, cursor));
}
