import { z } from "zod";

/**
 * The calls list's filters, as they travel in the URL (?profile=&robot=&callee=&result=&from=&to=).
 * Shared by the page, its route handler and the browser.
 */
export const CALL_RESULTS = ["live", "answered", "unanswered", "rejected", "ended"] as const;
export type CallResultFilter = (typeof CALL_RESULTS)[number];

const blank = (value: unknown) => (value === "" || value === null ? undefined : value);
const userId = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .max(32, "must be at most 32 characters (a UserID)")
    .regex(/^[\u0020-\u007e]*$/, "must be printable ASCII (a UserID)")
    .optional(),
);

export const callFiltersSchema = z.object({
  profile: z.preprocess(blank, z.string().max(100).optional()),
  robot: userId,
  callee: userId,
  result: z.preprocess(blank, z.enum(CALL_RESULTS, { error: `must be one of ${CALL_RESULTS.join(", ")}` }).optional()),
  from: z.preprocess(blank, z.iso.datetime({ offset: true, error: "must be an ISO date-time" }).optional()),
  to: z.preprocess(blank, z.iso.datetime({ offset: true, error: "must be an ISO date-time" }).optional()),
});

export type CallFilters = z.output<typeof callFiltersSchema>;
export const CALL_FILTER_KEYS = Object.keys(callFiltersSchema.shape) as (keyof CallFilters)[];

export function callFiltersFromParams(params: URLSearchParams): { ok: true; filters: CallFilters } | { ok: false; error: string } {
  const raw = Object.fromEntries(CALL_FILTER_KEYS.map((key) => [key, params.get(key) ?? undefined]));
  const parsed = callFiltersSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ") };
  return { ok: true, filters: parsed.data };
}

export function callFiltersToParams(filters: CallFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of CALL_FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params;
}
