import { describe, expect, it } from "vitest";
import { safeNextPath } from "./redirect";

describe("safeNextPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeNextPath("/history?q=Id-abc&outcome=ok")).toBe("/history?q=Id-abc&outcome=ok");
    expect(safeNextPath("/history/01J")).toBe("/history/01J");
  });

  it.each([
    "//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\\evil.example",
    "/%09/evil.example/..", // stays encoded: a path on this site
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/login?next=/x",
    "/.//evil.example",
    "/..//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
  ])("never leaves the site for %j", (next) => {
    const path = safeNextPath(next);
    expect(new URL(path, "https://console.example").origin).toBe("https://console.example");
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
  });

  it("sends a refused target to the start page", () => {
    expect(safeNextPath("/\t/evil.example")).toBe("/");
    expect(safeNextPath("//evil.example")).toBe("/");
    expect(safeNextPath("/.//evil.example")).toBe("/");
    expect(safeNextPath("/%2e//evil.example")).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
  });
});
