import { randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { completeRequest, insertPendingRequest } from "@/lib/db/requests";
import type { Database } from "@/lib/db/schema";
import { ms, percentiles } from "./measure";

/**
 * Attempts recorded through the repository as the console does (write the pending row, then the
 * outcome), `concurrency` at a time, as requests arriving together would. Also reports the console's
 * own CPU time per attempt: on a shared machine the rate follows the load, the CPU time much less.
 */
export async function recordRate(db: Kysely<Database>, { total = 2_000, concurrency = 20 } = {}): Promise<string> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next += 1;
      const t0 = performance.now();
      const pending = await insertPendingRequest(db, {
        clientToken: randomUUID(),
        command: "call_engine_http_srv/start_call_by_robot",
        profileId: "p-prod",
        profileName: "Profile 2",
        sdkAppId: 1400000002,
        adminIdentifier: "administrator",
        baseUrl: "http://127.0.0.1:9",
        operator: null,
        url: "http://127.0.0.1:9/v4/x?usersig=<USERSIG>",
        random: 1,
        requestBody: { Robot_Account: "bench_robot", CalleeList_Account: ["a", "b"] },
        robotAccount: "bench_robot",
        callees: ["a", "b"],
      });
      if (!pending.inserted) throw new Error("token reused");
      await completeRequest(db, pending.entry, {
        outcome: "ok",
        httpStatus: 200,
        actionStatus: "OK",
        errorCode: 0,
        errorInfo: "",
        requestId: `Id-${randomBytes(16).toString("hex")}-O-Seq-1`,
        callId: "bench",
        callResult: [{ Callee_Account: "a", ResultCode: 0 }],
        responseBody: '{"ActionStatus":"OK"}',
        detail: null,
        latencyMs: 20,
      });
      latencies.push(performance.now() - t0);
    }
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const rate = (total / (performance.now() - t0)) * 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuPerAttempt = (cpu.user + cpu.system) / 1000 / total;
  const { p50, p95 } = percentiles(latencies);
  return `${Math.round(rate).toLocaleString("en")}/s (each ${ms(p50)} / ${ms(p95)}; console CPU ${ms(cpuPerAttempt)} an attempt)`;
}
