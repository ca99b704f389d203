/**
 * Fuzz: the start-call schema never throws, accepts nothing reference §3
 * forbids (checked by an independent oracle), and what it accepts is the body
 * sent, unchanged but for the empty fields it documents leaving out.
 */
import { describe, expect, it } from "vitest";
import { FUZZ_TIMEOUT_MS, fuzz } from "@/lib/testing/fuzz";
import { documentedStartBody, startBodyArbitrary } from "@/lib/testing/start-call-oracle";
import { compactJson } from "../text";
import { startCallBodySchema } from "./start-call";

describe("fuzz: startCallBodySchema", () => {
  it(
    "never throws, accepts only documented bodies, and round-trips what it accepts",
    async () => {
      await fuzz("start-call schema", startBodyArbitrary, (body) => {
        const parsed = startCallBodySchema.safeParse(body);
        if (!parsed.success) {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          return false;
        }
        expect(documentedStartBody(parsed.data)).toBe(true);
        expect(parsed.data).toEqual(compactJson(body));
        expect(JSON.parse(JSON.stringify(parsed.data))).toEqual(parsed.data);
        expect(startCallBodySchema.parse(parsed.data)).toEqual(parsed.data);
        return true;
      });
    },
    FUZZ_TIMEOUT_MS,
  );
});
