import { NextResponse, type NextRequest } from "next/server";
import { guardRoute } from "@/lib/auth/guards";
import { exportHistory } from "@/lib/calls/export";
import { readyDb } from "@/lib/calls/ready";
import { filtersFromParams } from "@/lib/forms/history-filters";

export const dynamic = "force-dynamic";

/** GET /api/history/export?format=csv|json&<filters> : the filtered history, streamed. */
export async function GET(request: NextRequest) {
  const { refusal } = await guardRoute("/api/history/export");
  if (refusal) return refusal;
  const params = request.nextUrl.searchParams;
  const format = params.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") return NextResponse.json({ error: "format must be csv or json" }, { status: 400 });
  const parsed = filtersFromParams(params);
  if (!parsed.ok) return NextResponse.json({ error: parsed.error }, { status: 400 });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(exportHistory(await readyDb(), parsed.filters, format), {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="call-engine-history-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
