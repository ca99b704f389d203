import type { UserSigFailure } from "@/lib/tencent/usersig";

/** What the inspector shows of a pasted UserSig: its fields (never its HMAC) and a verdict. */
export interface UserSigReport {
  decoded: {
    version: string;
    identifier: string;
    sdkAppId: number;
    time: number;
    expire: number;
    expiresAt: number;
    secondsLeft: number;
    sig?: undefined;
  } | null;
  /** Why it could not be decoded. */
  malformed: string | null;
  verdict:
    | { ok: true; profileName: string; message: string }
    | { ok: false; profileName: string; reason: UserSigFailure; errorCode: number; message: string }
    | null;
  /** The server's clock, unix seconds. */
  now: number;
}
