/**
 * Callee UserIDs that make the simulator behave on purpose, so a demo can show
 * each kind of outcome. Any other callee rings until the Timeout and does not answer. A callee matches when it equals the name or starts
 * with the name followed by "-" (so tests can make unique ones: sim-busy-42).
 */
export const MAGIC_ACCOUNTS = [
  { name: "sim-answers", effect: "answers after 2 s and stays in the call until it is ended" },
  { name: "sim-rejects", effect: "rejects the call after 1 s" },
  { name: "sim-not-imported", effect: "answers 70107: the UserID was never imported into Chat (account_check: NotImported)" },
  { name: "sim-offline", effect: "is offline (query_online_status: Offline): it would get a push only, and never answers" },
  { name: "sim-internal-error", effect: "answers 101001: Call Engine internal error" },
  { name: "sim-rate-limited", effect: "answers 60007: rate limit exceeded" },
  { name: "sim-slow", effect: "answers only after SIMULATOR_SLOW_MS (15 s), later than the console's timeout" },
  { name: "sim-gateway-error", effect: "answers HTTP 502 with an HTML page, as a broken proxy would" },
  { name: "sim-garbled", effect: "answers HTTP 200 with a body that is not JSON" },
] as const;

export type MagicAccount = (typeof MAGIC_ACCOUNTS)[number]["name"];

export function matchMagic(userId: string): MagicAccount | null {
  for (const { name } of MAGIC_ACCOUNTS) {
    if (userId === name || userId.startsWith(`${name}-`)) return name;
  }
  return null;
}
