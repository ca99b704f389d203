import { z } from "zod";
import { OUTCOMES } from "@/lib/tencent/outcomes";
import { normalizeSearch } from "./search-text";

/**
 * The history filters, as they travel in the URL (?q=&outcome=&code=...), so a
 * filtered view can be bookmarked and shared. Shared by the list, its route
 * handler and the exports.
 */
export { OUTCOMES };

/** Absent, empty or only spaces: no filter (a trimmed "" would not survive the trip through the URL). */
const blank = (value: unknown) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value);

/** The search as pasted ("RequestId: Id-…", quoted, an address) becomes what it names. */
const searchText = (value: unknown) => (typeof value === "string" ? normalizeSearch(value).q || undefined : blank(value));

export const historyFiltersSchema = z.object({
  q: z.preprocess(
    searchText,
    z
      .string()
      .trim()
      .max(200)
      .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters")
      .optional(),
  ),
  outcome: z.preprocess(blank, z.enum(OUTCOMES, { error: `must be one of ${OUTCOMES.join(", ")}` }).optional()),
  code: z.preprocess(
    // Decimal digits only: Number() would also read " ", "0x10", "1e3" and "-0" (which does not round-trip).
    (value) => {
      const text = blank(value);
      return typeof text === "string" && /^-?\d{1,10}$/.test(text) ? Number(text) + 0 : text;
    },
    z
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(-2_147_483_648)
      .max(2_147_483_647, "is not an ErrorCode")
      .optional(),
  ),
  command: z.preprocess(blank, z.string().max(100).optional()),
  profile: z.preprocess(blank, z.string().max(100).optional()),
  operator: z.preprocess(blank, z.string().max(100).optional()),
  /** "1": also list the status reads made by watching calls (hidden by default). */
  background: z.preprocess(blank, z.enum(["1"], { error: "must be 1 or absent" }).optional()),
  /** ISO-8601 instants (the browser converts from its zone). */
  from: z.preprocess(blank, z.iso.datetime({ offset: true, error: "must be an ISO date-time" }).optional()),
  to: z.preprocess(blank, z.iso.datetime({ offset: true, error: "must be an ISO date-time" }).optional()),
});

export type HistoryFilters = z.output<typeof historyFiltersSchema>;
export const FILTER_KEYS = Object.keys(historyFiltersSchema.shape) as (keyof HistoryFilters)[];

export function filtersFromParams(params: URLSearchParams): { ok: true; filters: HistoryFilters } | { ok: false; error: string } {
  const raw = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? undefined]));
  const parsed = historyFiltersSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ") };
  }
  return { ok: true, filters: parsed.data };
}

export function filtersToParams(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params;
}
