import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * What the code defines, read from the files themselves, so that the access
 * sweep covers a new page, handler or action without anyone listing it.
 */
const APP = fileURLToPath(new URL("../app", import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** "app/history/[id]/page.tsx" -> "/history/[id]" (route groups dropped). */
function routeOf(file: string): string {
  const parts = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((part) => part !== "" && !/^\(.*\)$/.test(part));
  return `/${parts.join("/")}`;
}

export function pageRoutes(): string[] {
  return walk(APP)
    .filter((file) => /\/page\.tsx?$/.test(file))
    .map(routeOf)
    .sort();
}

export function handlerRoutes(): { route: string; methods: string[] }[] {
  return walk(APP)
    .filter((file) => /\/route\.ts$/.test(file))
    .map((file) => {
      const source = readFileSync(file, "utf8");
      const methods = [...source.matchAll(/export (?:async function|const) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)].map(
        (m) => m[1] ?? "",
      );
      return { route: routeOf(file), methods };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** "app/login/actions.ts#signInAction" for every export of every "use server" file. */
export function serverActions(): string[] {
  return walk(APP)
    .filter((file) => /\.tsx?$/.test(file) && /^\s*["']use server["']/.test(readFileSync(file, "utf8")))
    .flatMap((file) => {
      const source = readFileSync(file, "utf8");
      const rel = path.relative(path.resolve(APP, ".."), file);
      return [...source.matchAll(/export (?:async function|const) (\w+)/g)].map((m) => `${rel}#${m[1]}`);
    })
    .sort();
}

/** The action ids of the production build, with the page each one can be posted to. */
export function builtActions(): Map<string, { id: string; path: string }> {
  const manifest = JSON.parse(readFileSync(path.resolve(APP, "../.next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  const out = new Map<string, { id: string; path: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers).find((w) => !w.includes("_not-found")) ?? "app/page";
    const route = `/${worker.replace(/^app\/?/, "").replace(/\/?page$/, "")}`.replace(/\[[^\]]+\]/g, "sample");
    out.set(`${entry.filename}#${entry.exportedName}`, { id, path: route === "/" ? "/" : route });
  }
  return out;
}

/**
 * The capability each server action is built with, read from its
 * `guardedAction("<capability>", ...)` call; null for an export that is not
 * built with guardedAction (it must then be one of the public actions).
 */
export function actionCapabilities(): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const key of serverActions()) {
    const [file, name] = key.split("#");
    const source = readFileSync(path.resolve(APP, "..", file ?? ""), "utf8");
    const built = new RegExp(`export const ${name} = guardedAction\\(\\s*"([\\w.]+)"`).exec(source);
    out.set(key, built?.[1] ?? null);
  }
  return out;
}
