import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ColumnNode, RawNode, UpdateQueryNode, type KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createProfile } from "@/lib/db/profiles";
import { encryptSecret, keyFingerprint } from "@/lib/secrets";
import { COMMANDS } from "@/lib/tencent/commands";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { runtime } from "./runtime";
import { sendCommand } from "./send";

const SECRET_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
const HEX = "0123456789abcdef0123456789abcdef";
const NUL = "\u0000";
const FFFD = "\uFFFD";

/** What the stand-in gateway answers next: status, content type, raw bytes. */
let next: { status: number; type: string; body: Buffer } = { status: 200, type: "application/json", body: Buffer.from("{}") };
let server: Server;

const json = (text: string) => ({ status: 200, type: "application/json", body: Buffer.from(text, "utf8") });
/** A failure envelope as JSON text; `over` replaces fields with raw JSON values. */
const envelope = (over: Record<string, string>) => {
  const fields: Record<string, string> = {
    ActionStatus: '"FAIL"',
    ErrorCode: "70001",
    ErrorInfo: '"plain"',
    RequestId: `"Id-${HEX}-O-Seq-1"`,
    ...over,
  };
  return `{${Object.entries(fields)
    .map(([k, v]) => `"${k}":${v}`)
    .join(",")}}`;
};
// Invalid UTF-8: a lone continuation byte and 0xff, around a raw NUL byte.
const brokenBytes = (before: string, after: string) =>
  Buffer.concat([Buffer.from(before), Buffer.from([0x80, 0x00, 0xff]), Buffer.from(after)]);

beforeAll(async () => {
  vi.stubEnv("DATA_DIR", path.join(mkdtempSync(path.join(tmpdir(), "console-text-")), "data"));
  vi.stubEnv("CONSOLE_SECRET", "upstream-text-test-secret-0123456789abcdef");
  vi.stubEnv("REQUEST_TIMEOUT_MS", "5000");
  // The local gateway is a loopback address: the outbound policy lets the console reach it only when allowed.
  vi.stubEnv("OUTBOUND_ALLOW_HOSTS", "127.0.0.1");
  server = createServer((_req, res) => {
    res.writeHead(next.status, { "content-type": next.type });
    res.end(next.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  vi.unstubAllEnvs();
});

describe.each(DIALECTS)("text from the gateway on $name", (dialect) => {
  let t: TestDatabase;
  let profileId: string;
  beforeAll(async () => {
    t = await dialect.open();
    profileId = await createProfile(t.db, {
      name: "Local",
      kind: "custom",
      sdk_app_id: 1400555555,
      admin_identifier: "administrator",
      region: null,
      base_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      secret_key_enc: encryptSecret(runtime().masterKey, SECRET_KEY),
      key_fingerprint: keyFingerprint(SECRET_KEY),
    });
  });
  afterAll(async () => t.close());

  async function sendAndRead(answer: typeof next) {
    next = answer;
    const result = await sendCommand(t.db, { profileId, command: COMMANDS.getCallInfo, body: { CallId: "c" } });
    expect(result.unrecorded).toBeUndefined();
    const row = await t.db.selectFrom("requests").selectAll().where("id", "=", result.entry.id).executeTakeFirstOrThrow();
    expect(row.outcome).not.toBe("pending");
    expect(JSON.stringify(row)).not.toContain("\\u0000");
    for (const value of Object.values(row)) if (typeof value === "string") expect(value.isWellFormed() && !value.includes(NUL)).toBe(true);
    return row;
  }

  it("ErrorInfo with a NUL and a lone surrogate", async () => {
    const row = await sendAndRead(json(envelope({ ErrorInfo: '"bad\\u0000info \\ud800 end"' })));
    expect(row.error_info).toBe(`bad${FFFD}info ${FFFD} end`);
    expect(row.error_code).toBe(70001);
  });

  it("a non-JSON body with a NUL and invalid UTF-8", async () => {
    const row = await sendAndRead({ status: 200, type: "text/plain", body: brokenBytes("not json ", " tail") });
    expect(row.outcome).toBe("bad-response");
    expect(row.response_body).toBe(`not json ${FFFD}${FFFD}${FFFD} tail`);
  });

  it("an HTML error page with a NUL and invalid UTF-8", async () => {
    const row = await sendAndRead({ status: 502, type: "text/html", body: brokenBytes("<html><body>Bad Gateway", "</body></html>") });
    expect(row.outcome).toBe("http-error");
    expect(row.http_status).toBe(502);
    expect(row.response_body).toContain(`Bad Gateway${FFFD}${FFFD}${FFFD}</body>`);
  });

  it("a RequestId with a NUL", async () => {
    const row = await sendAndRead(json(envelope({ RequestId: `"Id-${HEX}-O-Seq-\\u00002"` })));
    expect(row.request_id).toBe(`Id-${HEX}-O-Seq-${FFFD}2`);
    expect(row.request_key).toBe(HEX);
  });

  it("a JSON answer whose strings hold NUL", async () => {
    // get_call_info's documented shape: the call's CallId and its members.
    const body = `{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","RequestId":"Id-${HEX}-O-Seq-3","Response":{"CallInfo":{"CallId":"call\\u0000x"},"UserList":[{"User_Account":"a\\u0000b","Status":"Calling"}]}}`;
    const row = await sendAndRead(json(body));
    expect(row.outcome).toBe("ok");
    expect(row.call_id).toBe(`call${FFFD}x`);
    expect(JSON.parse(row.response_body ?? "null")).toMatchObject({
      Response: { CallInfo: { CallId: `call${FFFD}x` }, UserList: [{ User_Account: `a${FFFD}b` }] },
    });
  });

  it("writes the outcome's kind with a note when the full outcome cannot be written, and says unrecorded", async () => {
    // Every write of the full outcome fails (in its batch, then alone); the short note after it does not.
    const failFullOutcome: KyselyPlugin = {
      transformQuery(args) {
        const full = UpdateQueryNode.is(args.node)
          ? (args.node.updates ?? []).some((u) => ColumnNode.is(u.column) && u.column.column.name === "response_body")
          : RawNode.is(args.node) && args.node.sqlFragments.join("").includes("response_body = v.response_body");
        if (full) throw new Error("disk full");
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    next = json(envelope({}));
    const result = await sendCommand(t.db.withPlugin(failFullOutcome), { profileId, command: COMMANDS.getCallInfo, body: { CallId: "c" } });
    expect(result).toMatchObject({ unrecorded: true, entry: { outcome: "api-error", error_code: 70001 } });
    const row = await t.db.selectFrom("requests").selectAll().where("id", "=", result.entry.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      outcome: "api-error",
      error_code: 70001,
      detail: expect.stringContaining("could not be stored (disk full)"),
    });
  });
});
