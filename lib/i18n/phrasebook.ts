/**
 * Text that lib writes in English (a schema's rule, a server refusal) is shown
 * in the user's language by matching it against the English messages of the
 * `rules` and `server` namespaces, gettext-style: the English template is the
 * key, its {placeholders} capture the values, and the same key's template in
 * the other language is filled with them. Text that matches nothing is shown
 * as it is (and the phrasebook test lists what the schemas can say, so that
 * does not happen silently). Client-safe and pure.
 */

/** [English template, template in the user's language]. */
export type PhrasePair = readonly [string, string];

const PLACEHOLDER = /\{(\w+)\}/g;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Compiled {
  pattern: RegExp;
  names: string[];
  target: string;
  weight: number;
}

function compile([source, target]: PhrasePair): Compiled {
  const names: string[] = [];
  let pattern = "";
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    pattern += escape(source.slice(last, match.index));
    pattern += "([\\s\\S]+?)";
    names.push(match[1] ?? "");
    last = (match.index ?? 0) + match[0].length;
  }
  pattern += escape(source.slice(last));
  // The more literal text a template has, the more specific it is: try it first.
  return { pattern: new RegExp(`^${pattern}$`), names, target, weight: source.replace(PLACEHOLDER, "").length };
}

export type Localize = (text: string) => string;

export function createPhrasebook(pairs: readonly PhrasePair[]): Localize {
  if (pairs.length === 0) return (text) => text;
  const compiled = pairs.map(compile).sort((a, b) => b.weight - a.weight);
  const exact = (text: string, depth = 0): string | null => {
    for (const c of compiled) {
      const m = c.pattern.exec(text);
      if (!m) continue;
      // A value may itself be a rule ("it must be at most 64 bytes" inside a longer one): translated too when it is one.
      const values = new Map(c.names.map((name, i) => [name, m[i + 1] ?? ""]));
      for (const [name, value] of values) {
        const inner = depth < 2 ? exact(value, depth + 1) : null;
        if (inner !== null) values.set(name, inner);
      }
      return c.target.replace(PLACEHOLDER, (whole, name: string) => values.get(name) ?? whole);
    }
    return null;
  };
  return (text) => {
    const whole = exact(text);
    if (whole !== null) return whole;
    // "CallInfo.RoomId must be ...": the API's field name stays, the rule is translated.
    const split = /^(\S+) ([\s\S]+)$/.exec(text);
    if (split) {
      const rule = exact(split[2] ?? "");
      if (rule !== null) return `${split[1]} ${rule}`;
    }
    return text;
  };
}

/** The pairs of two message trees' string leaves under the same keys, for the given namespaces. */
export function phrasePairs(source: unknown, target: unknown, namespaces: readonly string[]): PhrasePair[] {
  const pairs: PhrasePair[] = [];
  const walk = (a: unknown, b: unknown) => {
    if (typeof a === "string" && typeof b === "string") {
      if (a !== b) pairs.push([a, b]);
      return;
    }
    if (a && b && typeof a === "object" && typeof b === "object") {
      for (const [key, value] of Object.entries(a)) walk(value, (b as Record<string, unknown>)[key]);
    }
  };
  for (const ns of namespaces) walk((source as Record<string, unknown>)[ns], (target as Record<string, unknown>)[ns]);
  return pairs;
}
