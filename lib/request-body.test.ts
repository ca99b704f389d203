import { describe, expect, it } from "vitest";
import { readBodyLimited } from "./request-body";

const chunked = (parts: string[]) =>
  new Request("http://x/", {
    method: "POST",
    body: new ReadableStream({
      start(controller) {
        for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
        controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit);

describe("readBodyLimited", () => {
  it("reads a body within the limit, in UTF-8", async () => {
    expect(await readBodyLimited(new Request("http://x/", { method: "POST", body: "好的" }), 6)).toEqual({ ok: true, text: "好的" });
  });
  it("refuses a chunked body that grows past the limit, with no Content-Length", async () => {
    expect(await readBodyLimited(chunked(["a".repeat(600), "b".repeat(600)]), 1000)).toEqual({ ok: false });
    expect(await readBodyLimited(chunked(["a".repeat(600)]), 1000)).toEqual({ ok: true, text: "a".repeat(600) });
  });
  it("refuses a declared length past the limit without reading", async () => {
    const request = new Request("http://x/", { method: "POST", body: "x", headers: { "content-length": "5000" } });
    expect(await readBodyLimited(request, 1000)).toEqual({ ok: false });
  });
});
