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
