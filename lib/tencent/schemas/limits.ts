/**
 * Limits of start_call_by_robot the call form shows beside its fields. Apart
 * from the schema (start-call.ts, which re-exports them) so the form can show
 * them without loading Zod.
 */
export const TIMEOUT_MIN_MS = 10_000;
export const TIMEOUT_MAX_MS = 600_000;
export const USER_DATA_MAX_BYTES = 1000;
