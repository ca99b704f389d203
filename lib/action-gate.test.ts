import { describe, expect, it } from "vitest";
import { checkActionHeaders, checkActionText, jsonDepth } from "./action-gate";

const headers = (h: Record<string, string>) =>
  new Headers({ "next-action": "7f" + "a".repeat(40), "content-type": "text/plain;charset=UTF-8", ...h });

describe("action gate", () => {
  it("wants the console's own origin: PUBLIC_URL when set, else the Host", () => {
    const withPublic = { publicUrl: "https://console.example", proxies: { kind: "none" } as const };
    expect(checkActionHeaders(headers({ origin: "https://console.example", host: "x" }), withPublic)).toBeNull();
    expect(checkActionHeaders(headers({ origin: "http://console.example" }), withPublic)?.status).toBe(403);
    expect(checkActionHeaders(headers({}), withPublic)?.status).toBe(403);
    expect(checkActionHeaders(headers({ origin: "null" }), withPublic)?.status).toBe(403);
    const byHost = { publicUrl: null, proxies: { kind: "none" } as const };
    expect(checkActionHeaders(headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), byHost)).toBeNull();
    expect(
      checkActionHeaders(headers({ origin: "https://evil.example", host: "127.0.0.1:3000", "x-forwarded-host": "evil.example" }), byHost)
        ?.status,
    ).toBe(403);
  });

  it("refuses bodies React never sends", () => {
    expect(checkActionText("null")?.status).toBe(400);
    expect(checkActionText('"x"')?.reason).toMatch(/JSON array/);
    expect(checkActionText("")?.reason).toBe("the body is empty");
    expect(checkActionText("{nope")?.reason).toBe("the body is not JSON");
    expect(checkActionText(`${"[".repeat(30_000)}${"]".repeat(30_000)}`)?.reason).toMatch(/deeper than 64/);
    expect(checkActionText('[{"a":"[[[[["}]')).toBeNull();
    expect(jsonDepth('["[[[", {"a": [1]}]')).toBe(3);
    expect(
      checkActionHeaders(headers({ origin: "https://c.example", host: "c.example", "content-length": "70000" }), {
        publicUrl: null,
        proxies: { kind: "none" },
      })?.status,
    ).toBe(413);
  });
});
