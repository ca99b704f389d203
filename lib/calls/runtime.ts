import "server-only";
import { getDbHandle } from "@/lib/db";
import { env, publicUrl } from "@/lib/env";
import { readBytesLimited } from "@/lib/request-body";
import { deriveSimulatorKey, loadMasterKey } from "@/lib/secrets";
import { CallEngineSimulator } from "@/lib/simulator/simulator";
import type { FetchLike } from "@/lib/tencent/client";
import { UserSigCache } from "@/lib/tencent/usersig-cache";
import { databaseSimStore } from "./sim-store";

/** The built-in simulator's app. Its key is derived per installation from the master key. */
export const SIMULATOR_SDKAPPID = 1400000001;
export const SIMULATOR_PROFILE_ID = "simulator";
export const ENVIRONMENT_PROFILE_ID = "environment";

interface Runtime {
  masterKey: Buffer;
  simulator: CallEngineSimulator;
  userSigs: UserSigCache;
}

const holder = globalThis as typeof globalThis & { __consoleRuntime?: Runtime };

/** Process-wide singletons, made once (and kept across dev-mode reloads). */
export function runtime(): Runtime {
  if (!holder.__consoleRuntime) {
    const config = env();
    const masterKey = loadMasterKey({ consoleSecret: config.CONSOLE_SECRET, dataDir: config.DATA_DIR });
    holder.__consoleRuntime = {
      masterKey,
      simulator: new CallEngineSimulator({
        sdkAppId: SIMULATOR_SDKAPPID,
        secretKey: deriveSimulatorKey(masterKey),
        slowMs: config.SIMULATOR_SLOW_MS,
        timings: {
          answerMs: config.SIMULATOR_ANSWER_MS,
          rejectMs: config.SIMULATOR_REJECT_MS,
          recordDelayMs: config.SIMULATOR_RECORD_DELAY_MS,
        },
        homeRegion: config.SIMULATOR_HOME_REGION,
        // Calls and the callback configuration live in the database: every instance answers for every call.
        store: databaseSimStore(getDbHandle),
        maxLiveCalls: config.SIMULATOR_MAX_LIVE_CALLS,
        callbackOrigins: [
          ...new Set([
            new URL(publicUrl()).origin,
            `http://127.0.0.1:${process.env.PORT ?? "3000"}`,
            `http://localhost:${process.env.PORT ?? "3000"}`,
          ]),
        ],
        latencyMs: [20, 90],
      }),
      userSigs: new UserSigCache(),
    };
  }
  return holder.__consoleRuntime;
}

/** Sends to the built-in simulator inside this process: a real Request in, a real Response out. */
export const simulatorFetch: FetchLike = async (input, init) => {
  const request = new Request(input, init);
  return runtime().simulator.handle(request, init.signal ?? undefined);
};

/** The address at which this console serves the simulator over HTTP (for display and cURL). */
export function simulatorBaseUrl(): string {
  return `http://127.0.0.1:${process.env.PORT ?? "3000"}/simulator`;
}

const SERVED_BODY_MAX_BYTES = 1024 * 1024;

/** Serves an HTTP request to the simulator (as one region when given): at most 1 MiB of body, read by bytes. */
export async function serveSimulator(request: Request, region?: string): Promise<Response> {
  const body = await readBytesLimited(request, SERVED_BODY_MAX_BYTES);
  // Past the limit the simulator gets a stand-in just as oversized, so it answers 80002 in its envelope
  // after its usual checks; the bytes themselves go through unchanged (not UTF-8 answers 60003).
  const bytes = body.ok ? body.bytes : new Uint8Array(SERVED_BODY_MAX_BYTES + 1);
  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.method === "POST" ? bytes : undefined,
  });
  return runtime().simulator.handle(limited, request.signal, region);
}
