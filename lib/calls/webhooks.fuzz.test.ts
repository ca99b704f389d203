/**
 * Fuzz: the webhook parser and receiver, on a real database (SQLite, and
 * PostgreSQL when TEST_POSTGRES_URL is set). Nothing throws, nothing answers
 * 500; a refused event is never stored; an accepted one keeps its raw body byte
 * for byte (NUL, which PostgreSQL cannot hold, is the one documented change).
 */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createProfile } from "@/lib/db/profiles";
import type { Database } from "@/lib/db/schema";
import { insertWebhookToken } from "@/lib/db/webhook-tokens";
import { DIALECTS, type TestDatabase } from "@/lib/testing/databases";
import { FUZZ_TIMEOUT_MS, fuzz, hostileJson, hostileString } from "@/lib/testing/fuzz";
import { CALLBACK_COMMANDS, parseCallEvent } from "@/lib/tencent/webhooks";
import { hashWebhookToken } from "./webhook-tokens";
import { receiveWebhook } from "./webhooks";

vi.stubEnv("WEBHOOK_BURST", "100000");
vi.stubEnv("WEBHOOK_RATE_PER_SECOND", "10000");
vi.stubEnv("WEBHOOK_MAX_EVENTS_PER_PROFILE", "10000000");

const APP = 1400777777;
const command = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CALLBACK_COMMANDS) }, hostileString);
const member = fc.record({ User_Account: fc.oneof(hostileString, fc.integer()), Status: hostileString }, { requiredKeys: [] });
const eventBody = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record(
        {
          CallInfo: fc.record(
            { CallId: fc.oneof(fc.uuid(), hostileString), MediaType: hostileString, RoomId: hostileJson },
            { requiredKeys: [] },
          ),
          CallId: fc.oneof(fc.uuid(), hostileJson),
          CallRecord: fc.record(
            { CallId: fc.uuid(), CallResult: hostileString, StartTime: fc.oneof(fc.integer(), hostileJson) },
            { requiredKeys: [] },
          ),
          UserList: fc.array(member, { maxLength: 3 }),
          EventTime: fc.oneof(fc.nat(), fc.constantFrom("123456789012345678901234567890", 1e400)),
        },
        { requiredKeys: [] },
      )
      .map((body) => JSON.stringify(body)),
  },
  hostileJson.map((value) => JSON.stringify(value) ?? ""),
  fc.string({ unit: "binary", maxLength: 60 }),
);

describe("fuzz: parseCallEvent", () => {
  it(
    "never throws and lists problems instead",
    async () => {
      await fuzz("webhook parser", fc.tuple(command, eventBody), ([name, body]) => {
        const event = parseCallEvent(name, body);
        expect(Array.isArray(event.problems)).toBe(true);
        return event.problems.length === 0;
      });
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe.each(DIALECTS)("fuzz: receiveWebhook on $name", (dialect) => {
  let t: TestDatabase;
  let token: string;
  beforeAll(async () => {
    t = await dialect.open();
    const id = await createProfile(t.db, {
      name: "Fuzz",
      kind: "custom",
      sdk_app_id: APP,
      admin_identifier: "administrator",
      region: "singapore",
      base_url: null,
      secret_key_enc: "x",
      key_fingerprint: "…x",
    });
    token = randomBytes(32).toString("base64url");
    await insertWebhookToken(t.db, { profileId: id, tokenHash: hashWebhookToken(token), tokenEnc: "x" });
  });
  afterAll(async () => t.close());

  const count = async (db: Kysely<Database>) =>
    Number(
      (
        await db
          .selectFrom("call_events")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const input = fc.record({
    token: fc.oneof(
      { weight: 5, arbitrary: fc.constant("<live>") },
      fc.constant(null),
      hostileString,
      fc.constant(randomBytes(32).toString("base64url")),
    ),
    sdkAppId: fc.oneof({ weight: 5, arbitrary: fc.constant(String(APP)) }, fc.constant(null), hostileString, fc.constant("01400777777")),
    command: fc.option(command, { nil: null }),
    body: eventBody,
    clientIp: fc.option(hostileString, { nil: null }),
  });

  it(
    "never throws or answers 500; stores only what it accepts, byte for byte",
    async () => {
      await fuzz(`webhook receiver (${dialect.name})`, input, async (raw) => {
        const call = { ...raw, token: raw.token === "<live>" ? token : raw.token };
        const before = await count(t.db);
        const answer = await receiveWebhook(t.db, call);
        expect([200, 401, 429]).toContain(answer.status);
        const after = await count(t.db);
        if (answer.status !== 200) {
          expect(after).toBe(before);
          return false;
        }
        expect(after).toBe(before + 1);
        const stored = await t.db.selectFrom("call_events").select(["payload"]).orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();
        expect(stored.payload).toBe(call.body.replace(/\u0000/g, "\uFFFD"));
        return true;
      });
    },
    // Three queries a case: on a shared PostgreSQL under load about 40-80 ms each.
    FUZZ_TIMEOUT_MS * 4,
  );
});
