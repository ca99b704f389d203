/**
 * A fetch for the Call Engine client that enforces the outbound policy on the
 * address it actually connects to: the URL is checked first, then every
 * address its name resolves to (a custom `lookup`), so a DNS answer cannot
 * lead to a loopback, private or metadata address. Redirects are never
 * followed: a 3xx is an answer like any other.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Readable } from "node:stream";
import type { FetchLike } from "./client";
import { addressProblem, isAllowedHost, outboundProblem, type OutboundPolicy } from "./outbound";

/** Thrown (as the cause of a TypeError, like fetch's own failures) when the policy refuses a destination. */
export class OutboundRefusal extends Error {
  override readonly name = "OutboundRefusal";
}

const refusal = (message: string) => new TypeError("fetch failed", { cause: new OutboundRefusal(message) });

/** A lookup that answers only with addresses the policy allows. */
export function guardedLookup(resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...(options as LookupOptions), all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const list = Array.isArray(addresses) ? addresses : [];
      for (const { address } of list) {
        const problem = addressProblem(address);
        if (problem) {
          return callback(
            new OutboundRefusal(`refused by the outbound policy: ${hostname} resolves to ${address}, a ${problem} address`),
            "",
            0,
          );
        }
      }
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
      if ((options as LookupOptions).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, first.address, first.family);
    });
  };
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function toHeaders(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i] ?? "", raw[i + 1] ?? "");
    } catch {
      // A header a Response cannot hold is dropped; the body and status still count.
    }
  }
  return headers;
}

/** A fetch (POST/GET with a string body) that sends only where the policy allows. */
export function outboundFetch(policy: OutboundPolicy, options: { resolve?: typeof dnsLookup } = {}): FetchLike {
  return (input, init) =>
    new Promise<Response>((resolvePromise, reject) => {
      const problem = outboundProblem(input, policy);
      if (problem) return reject(refusal(`refused by the outbound policy: the base URL ${problem}`));
      const url = new URL(input);
      const client = url.protocol === "https:" ? https : http;
      const headers = Object.fromEntries(new Headers(init.headers).entries());
      const request = client.request(
        url,
        {
          method: init.method ?? "GET",
          headers,
          signal: init.signal ?? undefined,
          // An allowed host may be a local gateway; every other name is checked where it resolves.
          lookup: isAllowedHost(url, policy) ? undefined : guardedLookup(options.resolve),
          agent: false,
        },
        (response) => {
          const status = response.statusCode ?? 0;
          try {
            const body = NULL_BODY_STATUSES.has(status) ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
            if (body === null) response.resume();
            resolvePromise(
              new Response(body, { status, statusText: response.statusMessage ?? "", headers: toHeaders(response.rawHeaders) }),
            );
          } catch (error) {
            response.destroy();
            reject(new TypeError("fetch failed", { cause: error }));
          }
        },
      );
      request.on("error", (error) => reject(error.name === "AbortError" ? error : new TypeError("fetch failed", { cause: error })));
      request.end(typeof init.body === "string" ? init.body : undefined);
    });
}
