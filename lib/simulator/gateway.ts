/**
 * The checks the REST gateway makes before any command runs: the path, the
 * query string, the UserSig and the administrator, the data centre, and the
 * body's size and JSON.
 */
import { isCommand, type Command } from "@/lib/tencent/commands";
import { USERSIG_ERROR_CODES, verifyUserSig } from "@/lib/tencent/usersig";
import { fail, type Answer } from "./envelope";
import { SIM_BODY_MAX_BYTES } from "./rules";

export interface GatewayConfig {
  sdkAppId: number;
  secretKey: string;
  admins: string[];
  homeRegion: string;
  now?: () => number;
}

/** The command a path names (`.../v4/<service>/<command>`), or 60009. */
export function commandOf(request: Request, url: URL): { command: Command } | Answer {
  if (request.method !== "POST") return fail(60008, "malformed HTTP request: POST is required");
  const match = /\/v4\/([^/]+\/[^/]+)\/?$/.exec(url.pathname);
  if (!match?.[1] || !isCommand(match[1])) return fail(60009, `wrong resource path: ${url.pathname}`);
  return { command: match[1] };
}

export function checkQuery(url: URL, config: GatewayConfig): Answer | null {
  try {
    decodeURIComponent(url.search);
  } catch {
    return fail(60002, "the URL could not be parsed");
  }
  const q = url.searchParams;
  const sdkappid = q.get("sdkappid");
  if (sdkappid === null || sdkappid === "") return fail(60012, "sdkappid is missing");
  const identifier = q.get("identifier");
  const usersig = q.get("usersig");
  if (identifier === null || identifier === "" || usersig === null || q.get("contenttype") !== "json") {
    return fail(60025, "sdkappid, identifier, usersig or contenttype is wrong in the URL");
  }
  if (usersig === "") return fail(70002, "UserSig is empty");
  if (!/^\d+$/.test(sdkappid)) return fail(60006, `invalid sdkappid ${sdkappid}`);
  const random = q.get("random");
  if (random !== null && !(/^\d+$/.test(random) && Number(random) <= 0xffffffff)) {
    return fail(60002, "random must be an unsigned 32-bit integer");
  }

  const appId = Number(sdkappid);
  const verdict = verifyUserSig({ userSig: usersig, sdkAppId: appId, secretKey: config.secretKey, identifier, now: config.now?.() });
  // A UserSig that cannot be read, or was made for another app, fails before the app is looked up.
  if (!verdict.ok && (verdict.reason === "malformed" || verdict.reason === "sdkappid-mismatch")) {
    return fail(USERSIG_ERROR_CODES[verdict.reason], `UserSig check failed: ${verdict.message}`);
  }
  if (appId !== config.sdkAppId) return fail(70020, `SDKAppID ${sdkappid} not found`);
  if (!verdict.ok) return fail(USERSIG_ERROR_CODES[verdict.reason], `UserSig check failed: ${verdict.message}`);
  if (!config.admins.includes(identifier)) return fail(60010, `identifier ${identifier} is not an App admin`);
  return null;
}

/** The app lives in one data centre: the others answer 60026. */
export function checkRegion(url: URL, region: string | undefined, config: GatewayConfig): Answer | null {
  if (region === undefined || region === config.homeRegion) return null;
  return fail(60026, `SDKAppID ${url.searchParams.get("sdkappid")} belongs to another data centre than ${region}`);
}

/** The body: at most 12 KB (80002), and JSON (60003). */
export async function readBody(request: Request): Promise<{ body: unknown } | Answer> {
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > SIM_BODY_MAX_BYTES) return fail(80002, `request body larger than ${SIM_BODY_MAX_BYTES} bytes`);
  try {
    return { body: JSON.parse(text) };
  } catch {
    return fail(60003, "request body is not valid JSON");
  }
}
