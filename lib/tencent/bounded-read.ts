/**
 * Reads an answer's body up to a byte limit. Past the limit it stops, cancels
 * the rest (so it is never read, and the connection is dropped) and says so,
 * keeping what it read: memory stays at the limit whatever the peer sends.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

export interface BoundedText {
  text: string;
  /** True when the body was larger than the limit; `text` is then its start. */
  truncated: boolean;
}

export async function readBounded(response: Response, maxBytes: number): Promise<BoundedText> {
  const body = response.body;
  if (!body) return { text: "", truncated: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      await reader.cancel().catch(() => undefined);
      return { text: new TextDecoder().decode(concat(chunks)), truncated: true };
    }
    size += value.byteLength;
    chunks.push(value);
  }
  return { text: new TextDecoder().decode(concat(chunks)), truncated: false };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const total = chunks.reduce((n, c) => n + c.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
