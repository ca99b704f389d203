#!/usr/bin/env node
// The JavaScript a page ships, from the production build (run `next build` first):
// every script its HTML loads (Next's root chunks and the entry chunks of the
// page and of the layout, error and not-found boundaries around it), each with
// its size, gzip size and the libraries it holds (recognised by strings each
// library leaves in its code). Chunks loaded later (a lazy component) are listed
// apart, and not counted. Usage: node scripts/bundle-weight.mjs [/calls/new] [--budget=190]
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const route = args.find((a) => a.startsWith("/")) ?? "/calls/new";
const budgetKb = Number(args.find((a) => a.startsWith("--budget="))?.split("=")[1] ?? 190);
const NEXT = path.resolve(".next");

if (!existsSync(path.join(NEXT, "build-manifest.json"))) {
  console.error("No production build: run `node_modules/.bin/next build` first.");
  process.exit(1);
}

/** Markers each library leaves in its minified code. */
const SIGNATURES = [
  ["react-dom", /Minified React error|__reactFiber|react-dom/],
  ["next (router, client)", /__NEXT_DATA__|next-router|NEXT_REDIRECT|__next_f/],
  ["@tanstack/react-query", /QueryClient|queryCache|mutationCache/],
  ["react-hook-form", /useFormContext|shouldUnregister|criteriaMode/],
  ["zod", /ZodError|_zod|invalid_type/],
  ["@hookform/resolvers", /toNestErrors|validateFieldsNatively/],
  ["sonner", /data-sonner-toaster|sonner/],
  ["next-intl (messages and their formatter)", /MISSING_MESSAGE|ENVIRONMENT_FALLBACK/],
  ["lucide-react", /lucide/],
  ["cmdk", /cmdk-/],
  ["@radix-ui", /radix|DismissableLayer|FocusScope/],
  ["the call form and its push section (components/call-form)", /data-submit-shortcut|ApnsInfo/],
  ["the call form's result panel and the call panel", /call-result-heading|Open the call/],
  ["lib/tencent schemas", /CalleeList_Account|OfflinePushInfo/],
  ["the error catalog (lib/tencent/error-catalog)", /70107:\w+\(/],
  ["the console's header, preferences and shortcuts (components/ui)", /console-theme|Skip to content|data-shortcut-search/],
];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

function clientManifest(routeName) {
  const file = path.join(NEXT, "server", "app", ...routeName.split("/").filter(Boolean), "page_client-reference-manifest.js");
  if (!existsSync(file)) throw new Error(`no page ${routeName} in the build (${file})`);
  const sandbox = { self: {} };
  sandbox.globalThis = sandbox;
  new Function("globalThis", "self", readFileSync(file, "utf8"))(sandbox, sandbox.self);
  const manifests = sandbox.__RSC_MANIFEST ?? sandbox.self.__RSC_MANIFEST;
  return manifests[`${routeName === "/" ? "" : routeName}/page`];
}

function describe(file) {
  const text = readFileSync(path.join(NEXT, file), "utf8");
  const holds = SIGNATURES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
  return { file, bytes: Buffer.byteLength(text), gzip: gzipSync(text).length, holds };
}

const build = JSON.parse(readFileSync(path.join(NEXT, "build-manifest.json"), "utf8"));
const manifest = clientManifest(route);
const segments = Object.keys(manifest.entryJSFiles);
const initial = new Set(build.rootMainFiles);
for (const segment of segments) for (const file of manifest.entryJSFiles[segment]) initial.add(file);

const chunks = [...initial].map(describe).sort((a, b) => b.gzip - a.gzip);
const total = chunks.reduce((sum, c) => sum + c.gzip, 0);

console.log(`JavaScript loaded by ${route} (production build, gzip):`);
for (const c of chunks) {
  console.log(
    `  ${kb(c.gzip).padStart(9)} gzip ${kb(c.bytes).padStart(9)} raw  ${c.file}${c.holds.length ? `  holds: ${c.holds.join(", ")}` : ""}`,
  );
}
console.log(
  `  total ${kb(total)} gzip in ${chunks.length} scripts (budget ${budgetKb} kB): ${total <= budgetKb * 1024 ? "within" : "OVER"}`,
);

// Chunks this page loads later, on demand (the command palette, the call form's rules and result
// panel, sonner with the first toast): the ones its own chunks name in their loaders, transitively.
const seen = new Set(initial);
const queue = [...initial];
const onDemand = [];
while (queue.length > 0) {
  const text = readFileSync(path.join(NEXT, queue.shift()), "utf8");
  for (const [file] of text.matchAll(/static\/chunks\/[\w.-]+\.js/g)) {
    if (seen.has(file) || !existsSync(path.join(NEXT, file))) continue;
    seen.add(file);
    queue.push(file);
    onDemand.push(describe(file));
  }
}
if (onDemand.length) {
  console.log("Loaded on demand (not counted above):");
  for (const c of onDemand.sort((a, b) => b.gzip - a.gzip)) {
    console.log(
      `  ${kb(c.gzip).padStart(9)} gzip ${kb(c.bytes).padStart(9)} raw  ${c.file}${c.holds.length ? `  holds: ${c.holds.join(", ")}` : ""}`,
    );
  }
}
