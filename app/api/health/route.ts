import { sql } from "kysely";
import { NextResponse } from "next/server";
import { guardRoute } from "@/lib/auth/guards";
import { readyDb } from "@/lib/calls/ready";
import { errorMessage, log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** 200 when the app and its database answer; 503 otherwise. Public: it says nothing secret. */
export async function GET() {
  await guardRoute("/api/health");
  try {
    const db = await readyDb();
    await sql`select 1`.execute(db);
    return NextResponse.json({ status: "ok", database: "up" });
  } catch (error) {
    log.error("health.failed", { error: errorMessage(error) });
    return NextResponse.json({ status: "error", database: "down" }, { status: 503 });
  }
}
