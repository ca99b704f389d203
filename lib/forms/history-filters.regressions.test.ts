/** Counterexamples the fuzz suite found in the history filters, kept as plain tests. */
import { describe, expect, it } from "vitest";
import { filtersFromParams, filtersToParams } from "./history-filters";

const read = (search: string) => filtersFromParams(new URLSearchParams(search));

describe("history filters regressions", () => {
  it.each(["code=-0", "code=0x10", "code=1e3", "code=+", "code=%2012"])("reads only decimal ErrorCodes: %s", (search) => {
    const result = read(search);
    const back = result.ok ? read(filtersToParams(result.filters).toString()) : result;
    expect(back).toEqual(result);
    expect(read("code=0x10").ok).toBe(false);
    expect(read("code=-0")).toMatchObject({ ok: true, filters: { code: 0 } });
  });

  it("treats a q of spaces as no filter, so it survives the URL", () => {
    expect(read("q=+++")).toMatchObject({ ok: true, filters: { q: undefined } });
  });
});
