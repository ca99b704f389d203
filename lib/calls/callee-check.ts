import "server-only";
import type { Kysely } from "kysely";
import type { HistoryEntry } from "@/lib/db/requests";
import type { Database } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { CalleeCheck, CalleeCheckProblem, CalleeCheckView, CalleeState } from "@/lib/forms/callee-check-view";
import type { Actor } from "@/lib/forms/roles";
import { COMMANDS } from "@/lib/tencent/commands";
import { ACCOUNT_CHECK_MAX } from "@/lib/tencent/schemas/callee-check";
import { sendCommand } from "./send";

/** At most one check per second per profile (the form debounces; this holds for every caller). */
export const CHECK_INTERVAL_MS = 1000;
const lastCheck = new Map<string, number>();

/** Claims the profile's slot, or throws when its last check was less than CHECK_INTERVAL_MS ago. */
function claimSlot(profileId: string, now: number): void {
  const last = lastCheck.get(profileId);
  if (last !== undefined && now - last < CHECK_INTERVAL_MS) {
    throw new AppError("conflict", "Callees were checked on this profile less than a second ago; the check runs again in a moment.");
  }
  lastCheck.set(profileId, now);
}

/** The request of the check that did not answer, for the form to explain. */
function whyFailed(entry: HistoryEntry): CalleeCheckProblem {
  const outcome = entry.outcome === "pending" ? "unknown" : entry.outcome;
  return { command: entry.command, outcome, errorCode: entry.error_code };
}

const ONLINE_STATES: Readonly<Record<string, CalleeState>> = { Online: "online", PushOnline: "push-online", Offline: "offline" };

/**
 * Checks callees before they ring: account_check (imported or not), then
 * query_online_status for the imported ones. Both are requests in history.
 * Never blocks a start: a failed request leaves the states unknown and says why.
 */
export async function checkCallees(
  db: Kysely<Database>,
  input: { profileId: string; userIds: string[] },
  actor: Actor,
  now = Date.now(),
): Promise<CalleeCheckView> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length > ACCOUNT_CHECK_MAX) {
    throw new AppError("invalid-input", `at most ${ACCOUNT_CHECK_MAX} callees can be checked at once`, { field: "userIds" });
  }
  claimSlot(input.profileId, now);
  const states = new Map<string, CalleeState>(userIds.map((id) => [id, "unknown"]));
  const historyIds: string[] = [];
  const accounts = await sendCommand(db, {
    profileId: input.profileId,
    command: COMMANDS.accountCheck,
    body: { CheckItem: userIds.map((UserID) => ({ UserID })) },
    operator: actor.user,
    callees: userIds,
    // Checks run as an operator types: a search for a UserID finds the calls, not every check.
    searchable: false,
  });
  historyIds.push(accounts.entry.id);
  if (!accounts.response) return view(userIds, states, whyFailed(accounts.entry), historyIds);

  for (const item of accounts.response.ResultItem) {
    if (states.has(item.UserID) && item.AccountStatus === "NotImported") states.set(item.UserID, "not-imported");
  }
  const imported = accounts.response.ResultItem.filter((i) => i.AccountStatus === "Imported" && states.has(i.UserID)).map((i) => i.UserID);
  if (imported.length === 0) return view(userIds, states, null, historyIds);

  const online = await sendCommand(db, {
    profileId: input.profileId,
    command: COMMANDS.queryOnlineStatus,
    body: { To_Account: imported },
    operator: actor.user,
    callees: imported,
    searchable: false,
  });
  historyIds.push(online.entry.id);
  if (!online.response) return view(userIds, states, whyFailed(online.entry), historyIds);
  for (const result of online.response.QueryResult) {
    const state = ONLINE_STATES[result.Status];
    if (state && states.has(result.To_Account)) states.set(result.To_Account, state);
  }
  for (const error of online.response.ErrorList) {
    if (error.ErrorCode === 70107 && states.has(error.To_Account)) states.set(error.To_Account, "not-imported");
  }
  return view(userIds, states, null, historyIds);
}

function view(
  userIds: string[],
  states: Map<string, CalleeState>,
  problem: CalleeCheckProblem | null,
  historyIds: string[],
): CalleeCheckView {
  const callees: CalleeCheck[] = userIds.map((userId) => ({ userId, state: states.get(userId) ?? "unknown" }));
  return { callees, problem, historyIds };
}

/** For tests: forget the per-profile slots. */
export function resetCalleeCheckSlots(): void {
  lastCheck.clear();
}
