/** How deeply a JSON-like value nests, counted without recursion (so any depth is safe to measure). */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== "object" || item === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Deeper bodies are refused before anything walks them recursively (the action gate allows 64 too). */
export const MAX_JSON_DEPTH = 64;

/** Where a value stops being JSON (NaN, Infinity, a BigInt, a date, a Map, a function...), and what is there. */
export function nonJsonAt(value: unknown): { path: (string | number)[]; found: string } | null {
  const stack: [unknown, (string | number)[]][] = [[value, []]];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    const found = nonJsonKind(item);
    if (found) return { path, found };
    if (Array.isArray(item)) item.forEach((child, index) => stack.push([child, [...path, index]]));
    else if (typeof item === "object" && item !== null)
      for (const [key, child] of Object.entries(item)) stack.push([child, [...path, key]]);
  }
  return null;
}

function nonJsonKind(item: unknown): string | null {
  switch (typeof item) {
    case "string":
    case "boolean":
    case "undefined":
      return null;
    case "number":
      return Number.isFinite(item) ? null : String(item);
    case "object": {
      if (item === null || Array.isArray(item)) return null;
      const proto: unknown = Object.getPrototypeOf(item);
      return proto === Object.prototype || proto === null ? null : (item.constructor?.name ?? "an object that is not plain");
    }
    case "bigint":
    case "symbol":
    case "function":
      return `a ${typeof item}`;
  }
}
