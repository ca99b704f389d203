import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openMigratedDb } from "@/lib/db/connection";
import { createProfile } from "@/lib/db/profiles";
import type { Database } from "@/lib/db/schema";
import { encryptSecret, keyFingerprint } from "@/lib/secrets";
import * as byFilter from "@/lib/tencent/fixtures/get-record-by-filter";
import { repairedText } from "@/lib/tencent/fixtures/sample";
import { ensureBuiltInProfiles } from "./profiles";
import { browseRecords } from "./records";
import { runtime } from "./runtime";

const SECRET_KEY = "1f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
const actor = { user: { id: "u1", email: "op@example.test" }, ip: null };
let db: Kysely<Database>;
let server: Server;
let profileId: string;
/** The answer's Response for a requested body; each test sets it. */
let answer: (body: { Page?: number; NumberPerPage?: number }) => unknown = () => undefined;
const asked: number[] = [];

beforeAll(async () => {
  vi.stubEnv("DATA_DIR", path.join(mkdtempSync(path.join(tmpdir(), "console-records-")), "data"));
  vi.stubEnv("CONSOLE_SECRET", "records-test-console-secret-0123456789abcdef");
  // Local gateways are loopback addresses: the outbound policy lets the console reach them only when allowed.
  vi.stubEnv("OUTBOUND_ALLOW_HOSTS", "127.0.0.1");
  db = (await openMigratedDb("file::memory:")).db;
  await ensureBuiltInProfiles(db);
  server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => {
      const body = JSON.parse(text) as { Page?: number; NumberPerPage?: number };
      asked.push(body.Page ?? 1);
      const envelope = { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", RequestId: `Id-${"b".repeat(32)}-O-Seq-1` };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ...envelope, Response: answer(body) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  profileId = await createProfile(db, {
    name: "Paging",
    kind: "custom",
    sdk_app_id: 1400666666,
    admin_identifier: "administrator",
    region: null,
    base_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    secret_key_enc: encryptSecret(runtime().masterKey, SECRET_KEY),
    key_fingerprint: keyFingerprint(SECRET_KEY),
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.destroy();
  vi.unstubAllEnvs();
});

const record = (n: number) => ({
  CallId: `call-${n}`,
  Caller_Account: "robot",
  CalleeList_Account: ["robot", "a"],
  MediaType: "Audio",
  CallType: "SingleCall",
  StartTime: 1_700_000_000 + n,
  AcceptTime: 0,
  EndTime: 0,
  CallResult: "NotAnswer",
});

/** 5 records, 2 per page, answered the way a service chooses to number its answer's Page. */
const fiveRecords = (pageOfAnswer: (page: number) => number) => (body: { Page?: number; NumberPerPage?: number }) => {
  const page = body.Page ?? 1;
  const size = body.NumberPerPage ?? 10;
  const all = [1, 2, 3, 4, 5].map(record);
  return { TotalNum: all.length, Page: pageOfAnswer(page), CallRecordList: all.slice((page - 1) * size, page * size) };
};

/** Follows nextPage from page 1 (bounded), returning the pages asked and the records read. */
async function readAll(perPage: number) {
  asked.length = 0;
  const ids: string[] = [];
  let page = 1;
  for (let guard = 0; page > 0 && guard < 10; guard++) {
    const result = await browseRecords(db, { profileId, page, perPage }, actor);
    ids.push(...result.records.map((r) => r.CallId));
    page = result.nextPage;
  }
  return { asked: [...asked], ids };
}

describe("browseRecords paging", () => {
  it("reads the documented sample (Page 2 asked, Page 2 answered) as page 2 of many: next is 3", async () => {
    const sample = JSON.parse(repairedText(byFilter.response)) as { Response: unknown };
    answer = () => sample.Response;
    const result = await browseRecords(db, { profileId, page: 2, perPage: 2 }, actor);
    expect(result.total).toBe(141);
    expect(result.records).toHaveLength(2);
    expect(result.nextPage).toBe(3);
  });

  it("asks each page once and stops after TotalNum, when the answer echoes the page", async () => {
    answer = fiveRecords((page) => page);
    expect(await readAll(2)).toEqual({ asked: [1, 2, 3], ids: ["call-1", "call-2", "call-3", "call-4", "call-5"] });
  });

  it("works the same when the answer's Page reads page + 1 (or 0 at the end)", async () => {
    answer = fiveRecords((page) => (page * 2 < 5 ? page + 1 : 0));
    expect(await readAll(2)).toEqual({ asked: [1, 2, 3], ids: ["call-1", "call-2", "call-3", "call-4", "call-5"] });
  });

  it("stops on a full last page once TotalNum records are read, and on an empty list", async () => {
    answer = (body) => ({
      TotalNum: 4,
      Page: body.Page,
      CallRecordList: [1, 2, 3, 4].map(record).slice(((body.Page ?? 1) - 1) * 2, (body.Page ?? 1) * 2),
    });
    expect((await readAll(2)).asked).toEqual([1, 2]);
    answer = () => ({ TotalNum: 9, Page: 1, CallRecordList: [] });
    expect(await readAll(2)).toEqual({ asked: [1], ids: [] });
  });
});
