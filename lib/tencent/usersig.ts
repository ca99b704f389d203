/**
 * UserSig (TLSSigAPIv2) as the official libraries compute it: an HMAC-SHA256
 * over four "TLS.x:value\n" lines keyed with the UTF-8 bytes of the SecretKey,
 * wrapped in JSON, zlib-compressed and base64url-ish encoded (+ -> *, / -> -, = -> _).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { deflateSync, inflateSync } from "node:zlib";

export interface DecodedUserSig {
  version: string;
  identifier: string;
  sdkAppId: number;
  /** Issue time, unix seconds. */
  time: number;
  /** Validity in seconds from `time`. */
  expire: number;
  /** Standard base64 HMAC-SHA256. */
  sig: string;
}

export class UserSigFormatError extends Error {
  override readonly name = "UserSigFormatError";
}

export function hmacSig(params: { secretKey: string; identifier: string; sdkAppId: number; time: number; expire: number }): string {
  const text =
    `TLS.identifier:${params.identifier}\n` +
    `TLS.sdkappid:${params.sdkAppId}\n` +
    `TLS.time:${params.time}\n` +
    `TLS.expire:${params.expire}\n`;
  return createHmac("sha256", Buffer.from(params.secretKey, "utf8")).update(text, "utf8").digest("base64");
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export function genUserSig(params: {
  sdkAppId: number;
  secretKey: string;
  identifier: string;
  expireSeconds: number;
  now?: number;
}): string {
  const time = params.now ?? nowSeconds();
  const doc = {
    "TLS.ver": "2.0",
    "TLS.identifier": params.identifier,
    "TLS.sdkappid": params.sdkAppId,
    "TLS.expire": params.expireSeconds,
    "TLS.time": time,
    "TLS.sig": hmacSig({
      secretKey: params.secretKey,
      identifier: params.identifier,
      sdkAppId: params.sdkAppId,
      time,
      expire: params.expireSeconds,
    }),
  };
  const compressed = deflateSync(Buffer.from(JSON.stringify(doc), "utf8"));
  return compressed.toString("base64").replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
}

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/** A UserSig is a few hundred characters; past this (encoded or inflated) it is not read. */
export const USERSIG_MAX_CHARS = 4096;

/** Decodes a UserSig without any key. Throws UserSigFormatError with a precise reason. */
export function decodeUserSig(userSig: string): DecodedUserSig {
  const text = userSig.trim();
  if (text === "") throw new UserSigFormatError("the UserSig is empty");
  if (text.length > USERSIG_MAX_CHARS) throw new UserSigFormatError(`the UserSig is longer than ${USERSIG_MAX_CHARS} characters`);
  if (!/^[A-Za-z0-9*\-_]+$/.test(text)) {
    throw new UserSigFormatError("the UserSig has characters outside its alphabet (A-Z a-z 0-9 * - _); was it URL-encoded or cut?");
  }
  const base64 = text.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "=");
  const bytes = Buffer.from(base64, "base64");
  let json: string;
  try {
    json = inflateSync(bytes, { maxOutputLength: USERSIG_MAX_CHARS }).toString("utf8");
  } catch {
    throw new UserSigFormatError("the UserSig does not decompress (zlib); it is truncated or not a UserSig");
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new UserSigFormatError("the decompressed UserSig is not JSON");
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new UserSigFormatError("the decompressed UserSig is not a JSON object");
  }
  const fields = doc as Record<string, unknown>;
  const version = fields["TLS.ver"];
  const identifier = fields["TLS.identifier"];
  const sdkAppId = fields["TLS.sdkappid"];
  const time = fields["TLS.time"];
  const expire = fields["TLS.expire"];
  const sig = fields["TLS.sig"];
  if (typeof version !== "string") throw new UserSigFormatError("TLS.ver is missing");
  if (typeof identifier !== "string" || identifier === "") throw new UserSigFormatError("TLS.identifier is missing");
  if (!isInteger(sdkAppId)) throw new UserSigFormatError("TLS.sdkappid is missing or not an integer");
  if (!isInteger(time)) throw new UserSigFormatError("TLS.time is missing or not an integer");
  if (!isInteger(expire)) throw new UserSigFormatError("TLS.expire is missing or not an integer");
  if (typeof sig !== "string" || sig === "") throw new UserSigFormatError("TLS.sig is missing");
  return { version, identifier, sdkAppId, time, expire, sig };
}

export type UserSigFailure = "malformed" | "sdkappid-mismatch" | "identifier-mismatch" | "expired" | "bad-signature";

/** The ErrorCode the REST API answers for each UserSig failure. */
export const USERSIG_ERROR_CODES: Record<UserSigFailure, number> = {
  malformed: 70003,
  "sdkappid-mismatch": 70014,
  "identifier-mismatch": 70013,
  expired: 70001,
  "bad-signature": 70009,
};

export type VerifyUserSigResult =
  | { ok: true; decoded: DecodedUserSig; expiresAt: number; secondsLeft: number }
  | { ok: false; reason: UserSigFailure; message: string; decoded?: DecodedUserSig };

/**
 * Verifies a UserSig the way the Call Engine does, in the same order of checks,
 * so that each failure maps to the error code Tencent would answer.
 */
export function verifyUserSig(params: {
  userSig: string;
  sdkAppId: number;
  secretKey: string;
  identifier?: string;
  now?: number;
}): VerifyUserSigResult {
  let decoded: DecodedUserSig;
  try {
    decoded = decodeUserSig(params.userSig);
  } catch (error) {
    return { ok: false, reason: "malformed", message: error instanceof Error ? error.message : "malformed UserSig" };
  }
  if (decoded.sdkAppId !== params.sdkAppId) {
    return {
      ok: false,
      reason: "sdkappid-mismatch",
      message: `the UserSig was made for SDKAppID ${decoded.sdkAppId}, not ${params.sdkAppId}`,
      decoded,
    };
  }
  if (params.identifier !== undefined && decoded.identifier !== params.identifier) {
    return {
      ok: false,
      reason: "identifier-mismatch",
      message: `the UserSig was made for identifier "${decoded.identifier}", not "${params.identifier}"`,
      decoded,
    };
  }
  const expected = Buffer.from(
    hmacSig({
      secretKey: params.secretKey,
      identifier: decoded.identifier,
      sdkAppId: decoded.sdkAppId,
      time: decoded.time,
      expire: decoded.expire,
    }),
  );
  const actual = Buffer.from(decoded.sig);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, reason: "bad-signature", message: "the signature does not match this SecretKey", decoded };
  }
  const now = params.now ?? nowSeconds();
  const expiresAt = decoded.time + decoded.expire;
  if (now > expiresAt) {
    return { ok: false, reason: "expired", message: `the UserSig expired ${now - expiresAt} s ago`, decoded };
  }
  return { ok: true, decoded, expiresAt, secondsLeft: expiresAt - now };
}
