import { describe, expect, it } from "vitest";
import { readBytesLimited, strictUtf8 } from "./request-body";

describe("readBytesLimited and strictUtf8", () => {
  it("keeps the bytes as sent, and reads only UTF-8 as text", async () => {
    const bytes = Uint8Array.from([0x7b, 0xc3, 0x28, 0x7d]);
    const read = await readBytesLimited(new Request("http://x/", { method: "POST", body: bytes }), 10);
    expect(read).toEqual({ ok: true, bytes });
    expect(strictUtf8(bytes)).toBeNull();
    expect(strictUtf8(new TextEncoder().encode("\uFEFF好"))).toBe("\uFEFF好");
  });

  it("refuses past the limit", async () => {
    expect(await readBytesLimited(new Request("http://x/", { method: "POST", body: "abcdef" }), 5)).toEqual({ ok: false });
  });
});
