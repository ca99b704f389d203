/** Fuzz: the history filters read from a URL never throw, and what is accepted round-trips through the URL. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ_TIMEOUT_MS, fuzz, hostileString } from "@/lib/testing/fuzz";
import { FILTER_KEYS, OUTCOMES, filtersFromParams, filtersToParams } from "./history-filters";

const value = fc.oneof(
  hostileString,
  fc.constantFrom(...OUTCOMES),
  fc.integer().map(String),
  fc.constantFrom(" 42 ", "0x10", "1e3", "", "-0", "2026-01-02T03:04:05Z", "2026-01-02T03:04:05.123+08:00", "2026-13-45T99:99:99Z"),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const query = fc
  .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FILTER_KEYS) }, hostileString), value), { maxLength: 8 })
  .map((pairs) => new URLSearchParams(pairs).toString());

describe("fuzz: history filters from the URL", () => {
  it(
    "never throw, and round-trip what they accept",
    async () => {
      await fuzz("history filters", query, (search) => {
        const read = filtersFromParams(new URLSearchParams(search));
        if (!read.ok) {
          expect(read.error).not.toBe("");
          return false;
        }
        const again = filtersFromParams(new URLSearchParams(filtersToParams(read.filters).toString()));
        expect(again).toEqual(read);
        return true;
      });
    },
    FUZZ_TIMEOUT_MS,
  );
});
