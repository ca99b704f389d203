/**
 * The fuzz suite's settings: a fixed seed and a small count under `npm test`,
 * FUZZ_RUNS / FUZZ_SEED under `npm run fuzz` (scripts/fuzz.mjs), which also
 * sets FUZZ_REPORT to collect how many cases each target ran.
 */
import { appendFileSync } from "node:fs";
import fc from "fast-check";

export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 40) || 40);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_112) || 0;
/** Enough time for FUZZ_RUNS cases of the slowest target on a loaded machine. */
export const FUZZ_TIMEOUT_MS = 30_000 + FUZZ_RUNS * 40;

/** Runs a property FUZZ_RUNS times (times `scale`) with the fixed seed, and reports the count. */
export async function fuzz<T>(
  target: string,
  arbitrary: fc.Arbitrary<T>,
  /** Returns whether the input was accepted (counted in the report), or nothing. */
  check: (value: T) => Promise<boolean | void> | boolean | void,
  scale = 1,
) {
  const numRuns = Math.max(1, Math.round(FUZZ_RUNS * scale));
  let runs = 0;
  let accepted = 0;
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      runs += 1;
      if ((await check(value)) === true) accepted += 1;
    }),
    { numRuns, seed: FUZZ_SEED, endOnFailure: true },
  );
  const report = process.env.FUZZ_REPORT;
  if (report) appendFileSync(report, `${JSON.stringify({ target, runs, accepted, ms: Math.round(performance.now() - started) })}\n`);
}

/** An object nested `depth` levels deep. */
export function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Any JSON value, with the keys and strings hostile input likes: prototype names, NUL, lone surrogates. */
export const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "__proto__", "constructor", "prototype", "toString", "\u0000", "\uD800", "a\u0000b", "é", "😀", "%zz", "1e400"),
);
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, true, false, 2 ** 53, -(2 ** 53), 1e21, 600_000, 10_000),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 4 }),
    fc.integer({ min: 60, max: 2_000 }).map(nested),
  ),
})).value;
