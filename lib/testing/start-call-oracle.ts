/**
 * An independent reading of reference §3 (start_call_by_robot's body), written
 * from the document and not from the console's schema, for the fuzz suite:
 * whatever the console accepts or sends must pass it. It is lenient where the
 * document is silent, so it can only catch what the document forbids.
 */
import fc from "fast-check";
import { hostileJson } from "./fuzz";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

/** UserIDs: non-empty printable ASCII, at most 32 bytes, always strings. */
export const documentedUserId = (value: unknown) => typeof value === "string" && /^[\x20-\x7e]{1,32}$/.test(value);
const ROOM_CHARS = /^[a-zA-Z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]*$/;

export function documentedStartBody(body: unknown): boolean {
  if (!isObject(body)) return false;
  if (!documentedUserId(body.Robot_Account)) return false;
  const callees = body.CalleeList_Account;
  if (!Array.isArray(callees) || callees.length === 0 || !callees.every(documentedUserId)) return false;
  const timeout = body.Timeout;
  if (typeof timeout !== "number" || !Number.isInteger(timeout) || timeout < 10_000 || timeout > 600_000) return false;
  if (body.UserData !== undefined && !(typeof body.UserData === "string" && bytes(body.UserData) <= 1000)) return false;
  const info = body.CallInfo;
  if (!isObject(info) || (info.MediaType !== "Audio" && info.MediaType !== "Video")) return false;
  if (info.RoomIdType !== undefined && info.RoomIdType !== 1 && info.RoomIdType !== 2) return false;
  if (info.RoomId !== undefined) {
    if (typeof info.RoomId !== "string") return false;
    const numeric = /^\d+$/.test(info.RoomId) && Number(info.RoomId) >= 1 && Number(info.RoomId) <= 4_294_967_294;
    const text = info.RoomId.length > 0 && bytes(info.RoomId) <= 64 && ROOM_CHARS.test(info.RoomId);
    // Without RoomIdType the document does not say which reading applies: either will do.
    if (info.RoomIdType === undefined ? !numeric && !text : info.RoomIdType === 2 ? !text : !numeric) return false;
  }
  if (body.OfflinePushInfo !== undefined && !isObject(body.OfflinePushInfo)) return false;
  return bytes(JSON.stringify(body)) <= 12 * 1024;
}

const userId = fc.oneof(
  { weight: 12, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/) },
  fc.string({ minLength: 0, maxLength: 40 }),
  fc.constantFrom("sim-answers", "sim-rejects-1", "a b", "é", "x".repeat(33), "__proto__", "constructor"),
  // The simulator's magic accounts: each answer kind (API errors, a 502 page, a body that is not JSON) is recorded too.
  fc.constantFrom("sim-not-imported", "sim-internal-error", "sim-rate-limited", "sim-slow", "sim-gateway-error", "sim-garbled"),
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const field = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 15, arbitrary: valid }, { weight: 1, arbitrary: hostileJson });

/** Bodies near the rules: most fields valid or at a boundary, some replaced by any JSON value. */
export const startBodyArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record(
        {
          Robot_Account: field(userId),
          CalleeList_Account: field(fc.array(userId, { minLength: 1, maxLength: 4 })),
          Timeout: field(fc.oneof(fc.integer({ min: 9_999, max: 600_001 }), fc.constantFrom(10_000, 600_000, 30_000.5, 9_999))),
          UserData: optional(field(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("好".repeat(333), "好".repeat(334), "")))),
          CallInfo: field(
            fc.record(
              {
                MediaType: field(fc.oneof({ weight: 8, arbitrary: fc.constantFrom("Audio", "Video") }, fc.constantFrom("audio", ""))),
                RoomIdType: optional(field(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(1, 2) }, fc.constantFrom(0, 3)))),
                RoomId: optional(
                  field(
                    fc.oneof(
                      { weight: 4, arbitrary: fc.stringMatching(/^[1-9]\d{0,9}$/) },
                      fc.string({ maxLength: 70 }),
                      fc.constantFrom("4294967294", "4294967295", "0"),
                    ),
                  ),
                ),
              },
              { requiredKeys: ["MediaType"] },
            ),
          ),
          OfflinePushInfo: optional(
            field(fc.record({ Title: fc.string({ maxLength: 10 }), PushFlag: fc.constantFrom(0, 1) }, { requiredKeys: [] })),
          ),
          Extra: fc.option(hostileJson, { nil: undefined, freq: 10 }),
        },
        { requiredKeys: ["Robot_Account", "CalleeList_Account", "Timeout", "CallInfo"] },
      )
      .map((body) => Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined))),
  },
  { weight: 1, arbitrary: hostileJson },
);
