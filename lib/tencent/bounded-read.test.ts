import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareRequest, sendPrepared, type FetchLike } from "./client";
import { COMMANDS } from "./commands";
import { outboundFetch } from "./outbound-fetch";

const HUGE = 50 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, "x");
let server: Server;
let port: number;
/** Bytes of each answer the server managed to hand to the socket before it closed. */
const written: Promise<number>[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    written.push(
      new Promise<number>((resolve) => {
        let sent = 0;
        res.writeHead(200, { "content-type": "application/json", "content-length": String(HUGE) });
        res.on("close", () => resolve(sent));
        const pump = () => {
          while (sent < HUGE && !res.destroyed) {
            sent += CHUNK.byteLength;
            if (!res.write(CHUNK)) return res.once("drain", pump);
          }
          if (sent >= HUGE) res.end();
        };
        pump();
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = (fetchImpl: FetchLike | undefined, maxResponseBytes?: number) =>
  sendPrepared(
    prepareRequest({
      baseUrl: `http://127.0.0.1:${port}`,
      command: COMMANDS.getRecordByFilter,
      sdkAppId: 1,
      identifier: "a",
      userSig: "s",
      body: {},
    }),
    { fetchImpl, timeoutMs: 10_000, maxResponseBytes },
  );

describe("bounded reads", () => {
  it.each(["the console's outbound fetch", "the platform fetch"])(
    "a 50 MB answer through %s is a bad-response after 1 MB, and the rest is never read",
    async (name) => {
      const fetchImpl = name === "the platform fetch" ? undefined : outboundFetch({ allowHosts: [`127.0.0.1:${port}`] });
      const outcome = await send(fetchImpl);
      expect(outcome.kind).toBe("bad-response");
      expect(outcome.httpStatus).toBe(200);
      expect(outcome.detail).toBe("the answer was larger than 1048576 bytes");
      expect(outcome.rawBody).toBe("x".repeat(4096));
      // The connection was dropped: the server could hand over only what the socket buffers held.
      const sent = await written[written.length - 1];
      expect(sent).toBeLessThan(HUGE / 4);
    },
  );

  it("honours a smaller limit", async () => {
    const outcome = await send(undefined, 10_000);
    expect(outcome).toMatchObject({ kind: "bad-response", detail: "the answer was larger than 10000 bytes" });
    expect(await written[written.length - 1]).toBeLessThan(HUGE / 4);
  });
});
