/**
 * Fuzz: the start-call server action itself (startCallAction: its input schema,
 * the body schema, the duplicate guards, record, sign, send, record the
 * outcome), on a real database of each dialect, sending to the simulator
 * behind a gateway on loopback that keeps the bytes it received. Only the
 * session (cookies) and the ready database are stood in for. Properties:
 * nothing throws or ends in a fault; nothing reaches the gateway that is
 * invalid or not in history; whatever is sent is the body given (compacted as
 * documented), and the body in history is the body the gateway received.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runtime } from "@/lib/calls/runtime";
import { createProfile } from "@/lib/db/profiles";
import type { Database } from "@/lib/db/schema";
import type { SessionUser } from "@/lib/forms/roles";
import { encryptSecret, keyFingerprint } from "@/lib/secrets";
import { CallEngineSimulator } from "@/lib/simulator/simulator";
import { compactJson } from "@/lib/tencent/text";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { FUZZ_TIMEOUT_MS, fuzz, hostileJson, hostileString } from "@/lib/testing/fuzz";
import { documentedStartBody, startBodyArbitrary } from "@/lib/testing/start-call-oracle";
import { startCallAction } from "./actions";

const state = vi.hoisted(() => ({ db: null as Kysely<Database> | null }));
const OPERATOR: SessionUser = { id: "u-fuzz", email: "fuzz@example.com", role: "operator" };
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  currentUser: async () => OPERATOR,
  clientInfo: async () => ({ ip: "127.0.0.1", userAgent: "fuzz", https: false }),
}));
vi.mock("@/lib/calls/ready", () => ({
  readyDb: async () => {
    if (!state.db) throw new Error("no database");
    return state.db;
  },
}));

const SECRET_KEY = "5e1f2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
const APP = 1400666666;

/** What reached the gateway: the query string and the body's text, as received. */
interface Received {
  url: URL;
  body: string;
}
const received: Received[] = [];
let server: Server;
let gateway: string;
const sim = new CallEngineSimulator({ sdkAppId: APP, secretKey: SECRET_KEY, slowMs: 0, callbackOrigins: ["http://127.0.0.1:9"] });

/** Quiet logs (one line per request), but any fault the action logs fails the case. */
const faults: string[] = [];

beforeAll(async () => {
  vi.stubEnv("DATA_DIR", path.join(mkdtempSync(path.join(tmpdir(), "console-action-fuzz-")), "data"));
  vi.stubEnv("CONSOLE_SECRET", "action-fuzz-test-secret-0123456789abcdef");
  vi.stubEnv("REQUEST_TIMEOUT_MS", "5000");
  vi.stubEnv("OUTBOUND_ALLOW_HOSTS", "127.0.0.1");
  vi.spyOn(console, "log").mockImplementation(() => undefined);
  vi.spyOn(console, "error").mockImplementation((line: unknown) => {
    if (typeof line === "string" && /"level":"error"/.test(line)) faults.push(line);
  });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", gateway);
      const body = Buffer.concat(chunks);
      received.push({ url, body: body.toString("utf8") });
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
      sim
        .handle(new Request(url, { method: req.method, headers, body: req.method === "POST" ? body : undefined }))
        .then(async (answer) => {
          res.writeHead(answer.status, Object.fromEntries(answer.headers));
          res.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch((error: unknown) => {
          faults.push(`gateway: ${String(error)}`);
          res.writeHead(599).end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  gateway = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** A few tokens used again and again (a resubmitted form), and fresh ones. */
const TOKENS = [randomUUID(), randomUUID(), randomUUID()];
const input = (profileId: string) =>
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .record({
          profileId: fc.oneof(
            { weight: 12, arbitrary: fc.constant(profileId) },
            fc.constant("no-such-profile"),
            hostileString,
            hostileJson,
          ),
          clientToken: fc.oneof(
            { weight: 12, arbitrary: fc.constant("<fresh>") },
            { weight: 2, arbitrary: fc.constantFrom(...TOKENS) },
            hostileString,
          ),
          body: startBodyArbitrary,
          confirmDuplicate: fc.oneof({ weight: 6, arbitrary: fc.boolean() }, fc.constant(undefined), hostileJson),
        })
        .map(({ clientToken, ...rest }) => ({ ...rest, clientToken: clientToken === "<fresh>" ? randomUUID() : clientToken })),
    },
    { weight: 1, arbitrary: hostileJson },
  );

describe.each(DIALECTS)("fuzz: startCallAction on $name", (dialect) => {
  let t: TestDatabase;
  let profileId: string;
  beforeAll(async () => {
    t = await dialect.open();
    state.db = t.db;
    profileId = await createProfile(t.db, {
      name: "Fuzz gateway",
      kind: "custom",
      sdk_app_id: APP,
      admin_identifier: "administrator",
      region: null,
      base_url: gateway,
      secret_key_enc: encryptSecret(runtime().masterKey, SECRET_KEY),
      key_fingerprint: keyFingerprint(SECRET_KEY),
    });
  });
  afterAll(async () => {
    state.db = null;
    await t.close();
  });

  const rows = async () =>
    Number(
      (
        await t.db
          .selectFrom("requests")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it(
    "never faults; sends only valid bodies, each in history exactly as the gateway received it",
    async () => {
      await fuzz(`start action (${dialect.name})`, input(profileId), async (raw) => {
        const [sentBefore, rowsBefore] = [received.length, await rows()];
        // The action takes whatever a client posts: hostile inputs are the point.
        const result = await startCallAction(raw as Parameters<typeof startCallAction>[0]);
        expect(faults).toEqual([]);
        const sent = received.slice(sentBefore);
        const written = (await rows()) - rowsBefore;
        if (!result.ok || result.data.status === "confirm" || result.data.duplicate) {
          // Refused, asked to confirm, or a resubmitted form: nothing sent, nothing written.
          if (!result.ok) expect(Boolean(result.formError) || Object.keys(result.fieldErrors ?? {}).length > 0).toBe(true);
          expect(sent).toEqual([]);
          expect(written).toBe(0);
          return false;
        }
        expect(sent).toHaveLength(1);
        expect(written).toBe(1);
        const [request] = sent;
        const given = (raw as { body: unknown }).body;
        const body: unknown = JSON.parse(request!.body);
        expect(documentedStartBody(body)).toBe(true);
        expect(body).toEqual(compactJson(given));
        const row = await t.db.selectFrom("requests").selectAll().where("id", "=", result.data.attempt.id).executeTakeFirstOrThrow();
        expect(row.request_body).toBe(request!.body);
        expect(String(row.random)).toBe(request!.url.searchParams.get("random"));
        expect(row.outcome).not.toBe("pending");
        return true;
      });
    },
    // About ten queries and a loopback request a case: on a shared PostgreSQL under load 10-30 ms.
    FUZZ_TIMEOUT_MS * 4,
  );
});
