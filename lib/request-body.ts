/**
 * Reads a request body as text, refusing it once it passes a byte limit,
 * whatever Content-Length says (a chunked body has none).
 */
export async function readBodyLimited(request: Request, limitBytes: number): Promise<{ ok: true; text: string } | { ok: false }> {
  const read = await readBytesLimited(request, limitBytes);
  return read.ok ? { ok: true, text: Buffer.from(read.bytes).toString("utf8") } : read;
}

/** The same, as bytes: for readers that must see the body unchanged (not UTF-8 is not repaired). */
export async function readBytesLimited(
  request: Request,
  limitBytes: number,
): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limitBytes) return { ok: false };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks)) };
}

/** The text of UTF-8 bytes, or null when they are not UTF-8 (instead of replacement characters). */
export function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
