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
  if (!match?.[1] || !isCommand(match[1])) return fail(60009, `wrong resource path: ${quote(url.pathname, 200)}`);
  return { command: match[1] };
}

/** Longer query strings are refused (a real UserSig is a few hundred characters). */
export const SIM_QUERY_MAX_CHARS = 8 * 1024;
const GATEWAY_KEYS = ["sdkappid", "identifier", "usersig", "random", "contenttype"];

/** An input quoted in ErrorInfo, cut so that an answer never carries a huge input back. */
export function quote(value: string, max = 64): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function checkQuery(url: URL, config: GatewayConfig): Answer | null {
  if (url.search.length > SIM_QUERY_MAX_CHARS) return fail(60002, `the URL could not be parsed: query longer than ${SIM_QUERY_MAX_CHARS}`);
  try {
    decodeURIComponent(url.search);
  } catch {
    return fail(60002, "the URL could not be parsed");
  }
  const q = url.searchParams;
  // Two values for one key: which one counts would depend on who reads the URL.
  const repeated = GATEWAY_KEYS.find((key) => q.getAll(key).length > 1);
  if (repeated) return fail(60002, `the URL could not be parsed: ${repeated} appears more than once`);
  const sdkappid = q.get("sdkappid");
  if (sdkappid === null || sdkappid === "") return fail(60012, "sdkappid is missing");
  const identifier = q.get("identifier");
  const usersig = q.get("usersig");
  if (identifier === null || identifier === "" || usersig === null || q.get("contenttype") !== "json") {
    return fail(60025, "sdkappid, identifier, usersig or contenttype is wrong in the URL");
  }
  if (usersig === "") return fail(70002, "UserSig is empty");
  if (!/^\d+$/.test(sdkappid)) return fail(60006, `invalid sdkappid ${quote(sdkappid)}`);
  const random = q.get("random");
  if (random !== null && !(/^\d+$/.test(random) && Number(random) <= 0xffffffff)) {
    return fail(60002, "random must be an unsigned 32-bit integer");
  }

  const appId = Number(sdkappid);
  const verdict = verifyUserSig({ userSig: usersig, sdkAppId: appId, secretKey: config.secretKey, identifier, now: config.now?.() });
  // A UserSig that cannot be read, or was made for another app, fails before the app is looked up.
  if (!verdict.ok && (verdict.reason === "malformed" || verdict.reason === "sdkappid-mismatch")) {
    return fail(USERSIG_ERROR_CODES[verdict.reason], `UserSig check failed: ${clip(verdict.message)}`);
  }
  if (appId !== config.sdkAppId) return fail(70020, `SDKAppID ${sdkappid} not found`);
  if (!verdict.ok) return fail(USERSIG_ERROR_CODES[verdict.reason], `UserSig check failed: ${clip(verdict.message)}`);
  if (!config.admins.includes(identifier)) return fail(60010, `identifier ${quote(identifier)} is not an App admin`);
  return null;
}

/** The app lives in one data centre: the others answer 60026. */
export function checkRegion(url: URL, region: string | undefined, config: GatewayConfig): Answer | null {
  if (region === undefined || region === config.homeRegion) return null;
  return fail(60026, `SDKAppID ${quote(url.searchParams.get("sdkappid") ?? "")} belongs to another data centre than ${region}`);
}

/** The body: at most 12 KB (80002), and a JSON object in UTF-8 (60003). */
export async function readBody(request: Request): Promise<{ body: object } | Answer> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > SIM_BODY_MAX_BYTES) return fail(80002, `request body larger than ${SIM_BODY_MAX_BYTES} bytes`);
  let body: unknown;
  try {
    // Not UTF-8 is not JSON: decoding with replacement characters would change the body.
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return fail(60003, "request body is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return fail(60003, "request body is not a JSON object");
  }
  return { body };
}
