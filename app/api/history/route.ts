import { NextResponse, type NextRequest } from "next/server";
import { guardRoute } from "@/lib/auth/guards";
import { historyPage } from "@/lib/calls/history";
import { toAttemptView } from "@/lib/calls/views";
import { filtersFromParams } from "@/lib/forms/history-filters";

export const dynamic = "force-dynamic";

/** GET /api/history?<filters>&cursor=&limit= : newest first, keyset-paginated. */
export async function GET(request: NextRequest) {
  const { refusal } = await guardRoute("/api/history");
  if (refusal) return refusal;
  const params = request.nextUrl.searchParams;
  const limitText = params.get("limit");
  const limit = limitText === null ? undefined : Number(limitText);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 200)) {
    return NextResponse.json({ error: "limit must be a whole number from 1 to 200" }, { status: 400 });
  }
  const parsed = filtersFromParams(params);
  if (!parsed.ok) return NextResponse.json({ error: parsed.error }, { status: 400 });
  const page = await historyPage({ ...parsed.filters, cursor: params.get("cursor") ?? undefined, limit });
  return NextResponse.json({ entries: page.entries.map(toAttemptView), nextCursor: page.nextCursor });
}
