import { z } from "zod/mini";
import "./zod-mini-locale";
import { MAX_JSON_DEPTH, jsonDepth, nonJsonAt } from "../json-depth";
import { compactJson, utf8Bytes } from "../text";
import { offlinePushInfoSchema } from "./offline-push";
import { userIdSchema } from "./user-id";
import { TIMEOUT_MAX_MS, TIMEOUT_MIN_MS, USER_DATA_MAX_BYTES } from "./limits";

export { TIMEOUT_MAX_MS, TIMEOUT_MIN_MS, USER_DATA_MAX_BYTES };
export const ROOM_ID_NUMERIC_MAX = 4_294_967_294;
export const ROOM_ID_STRING_MAX_BYTES = 64;
/** The REST gateway refuses bodies above 12 KB with 80002. */
export const BODY_MAX_BYTES = 12 * 1024;

/** Characters a string room ID may use (TRTC's rule). */
export const ROOM_ID_STRING_PATTERN = /^[a-zA-Z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]+$/;

/**
 * Only Tencent's documented rules are here: they block a send, naming the field
 * and the rule. The console's own advice (RoomId without RoomIdType, a repeated
 * callee, a space in a UserID, fields Tencent does not document) is in
 * ../body-warnings.ts: shown, never blocking, so a customer's body can be sent
 * as it was.
 */
export const callInfoSchema = z
  .looseObject(
    {
      MediaType: z.enum(["Audio", "Video"], {
        error: (issue) => (issue.input === undefined ? "is required" : "must be Audio or Video"),
      }),
      RoomIdType: z.optional(z.union([z.literal(1), z.literal(2)], { error: "must be 1 (numeric) or 2 (string)" })),
      RoomId: z.optional(z.string({ error: "must be a string, even when numeric" })),
    },
    { error: "is required" },
  )
  .check(
    z.superRefine((info, ctx) => {
      if (info.RoomId === undefined) return;
      const numeric = /^[1-9]\d*$/.test(info.RoomId) && Number(info.RoomId) <= ROOM_ID_NUMERIC_MAX;
      const numericRule = `a whole number from 1 to ${ROOM_ID_NUMERIC_MAX}`;
      const stringProblem =
        utf8Bytes(info.RoomId) > ROOM_ID_STRING_MAX_BYTES
          ? `must be at most ${ROOM_ID_STRING_MAX_BYTES} bytes`
          : ROOM_ID_STRING_PATTERN.test(info.RoomId)
            ? null
            : "may only use a-z A-Z 0-9, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,";
      // How a RoomId without RoomIdType is read is not documented: the console advises (body-warnings), and
      // refuses only a room ID that breaks the rules of both readings.
      if (info.RoomIdType === undefined) {
        if (!numeric && stringProblem !== null) {
          ctx.addIssue({
            code: "custom",
            path: ["RoomId"],
            message: `is neither a numeric room ID (${numericRule}) nor a string room ID (it ${stringProblem})`,
          });
        }
      } else if (info.RoomIdType === 1) {
        if (!numeric) ctx.addIssue({ code: "custom", path: ["RoomId"], message: `must be ${numericRule} when RoomIdType is 1` });
      } else if (stringProblem !== null) {
        ctx.addIssue({ code: "custom", path: ["RoomId"], message: stringProblem });
      }
    }),
  );

const startCallBodyObject = z
  .looseObject(
    {
      Robot_Account: userIdSchema,
      CalleeList_Account: z
        .array(userIdSchema, {
          error: (issue) => (issue.input === undefined ? "needs at least one callee" : "must be a list of UserIDs"),
        })
        .check(z.minLength(1, "needs at least one callee")),
      Timeout: z
        .int({ error: (issue) => (issue.input === undefined ? "is required" : "must be a whole number of milliseconds") })
        .check(
          z.gte(TIMEOUT_MIN_MS, `must be at least ${TIMEOUT_MIN_MS} ms`),
          z.lte(TIMEOUT_MAX_MS, `must be at most ${TIMEOUT_MAX_MS} ms`),
        ),
      UserData: z.optional(
        z.string({ error: "must be a string" }).check(
          z.refine((value) => utf8Bytes(value) <= USER_DATA_MAX_BYTES, {
            message: `must be at most ${USER_DATA_MAX_BYTES} bytes in UTF-8`,
          }),
        ),
      ),
      CallInfo: callInfoSchema,
      OfflinePushInfo: z.optional(offlinePushInfoSchema),
    },
    { error: "must be a JSON object" },
  )
  .check(
    z.superRefine((body, ctx) => {
      const size = utf8Bytes(JSON.stringify(body));
      if (size > BODY_MAX_BYTES) {
        ctx.addIssue({
          code: "custom",
          path: [],
          message: `the JSON body is ${size} bytes; the gateway refuses more than ${BODY_MAX_BYTES} (80002)`,
        });
      }
    }),
  );

/**
 * The start_call_by_robot body. Empty optional fields ("" or empty objects and
 * lists) are left out before the rules are checked, so what parses is exactly
 * what is sent.
 */
export const startCallBodySchema = z.pipe(
  // Zod Mini has no preprocess: this is what it is, a transform piped into the rules.
  z.transform((value: unknown, payload) => {
    // Walking a deeper value recursively (compactJson, JSON.stringify) would overflow the stack.
    if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      payload.issues.push({ code: "custom", message: `is nested deeper than ${MAX_JSON_DEPTH} levels`, input: value, path: [] });
      return {};
    }
    // What is not JSON would be sent changed (NaN as null, a date as text) or not at all (a BigInt throws).
    const notJson = nonJsonAt(value);
    if (notJson) {
      payload.issues.push({ code: "custom", message: `is not a JSON value (${notJson.found})`, input: value, path: notJson.path });
      return {};
    }
    return compactJson(value) ?? {};
  }),
  startCallBodyObject,
);

export type StartCallBody = z.output<typeof startCallBodySchema>;
