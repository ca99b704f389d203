import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { PHRASE_NAMESPACES, RAW_NAMESPACES, englishMessages, messagesFor } from "./messages";

/** Every string leaf, by its dotted key. */
function leaves(tree: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === "string") out.set(prefix, tree);
  else if (tree && typeof tree === "object") {
    for (const [key, value] of Object.entries(tree)) for (const [k, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

/** The argument names a message uses, nested plurals and selects included. */
function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentsOf(option.value, out);
    if (el.type === TYPE.tag) argumentsOf(el.children, out);
  }
  return out;
}

const english = leaves(englishMessages());
const isRaw = (key: string) => RAW_NAMESPACES.some((ns) => key.startsWith(`${ns}.`));

describe.each(LOCALES.filter((l) => l !== "en"))("messages of %s", (locale) => {
  const translated = leaves(messagesFor(locale));

  it("has every English key, and no key English lacks", () => {
    expect([...english.keys()].filter((k) => !translated.has(k))).toEqual([]);
    expect([...translated.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it("leaves no message empty", () => {
    expect([...translated].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
  });

  it("uses the same placeholders as English in every message", () => {
    const differ: string[] = [];
    for (const [key, source] of english) {
      const target = translated.get(key);
      if (target === undefined || isRaw(key)) continue;
      const a = [...argumentsOf(parse(source))].sort();
      const b = [...argumentsOf(parse(target))].sort();
      if (a.join() !== b.join()) differ.push(`${key}: ${a.join(",")} vs ${b.join(",")}`);
    }
    expect(differ).toEqual([]);
  });
});

describe("English messages", () => {
  it("all parse as ICU messages", () => {
    for (const [key, text] of english) if (!isRaw(key)) expect(() => parse(text), key).not.toThrow();
  });

  it("phrasebook templates use plain {placeholders} only (they are matched against text, see phrasebook.ts)", () => {
    for (const ns of PHRASE_NAMESPACES) {
      for (const [key, text] of leaves(englishMessages()[ns], ns)) {
        const complex = parse(text).filter((el) => el.type !== TYPE.literal && el.type !== TYPE.argument);
        expect(complex, key).toEqual([]);
      }
    }
  });

  it("translates the same English template the same way wherever it is (else a translation would be ambiguous)", () => {
    const differ: string[] = [];
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      const translated = leaves(messagesFor(locale));
      const first = new Map<string, string>();
      for (const ns of PHRASE_NAMESPACES) {
        for (const [key, text] of leaves(englishMessages()[ns], ns)) {
          const seen = first.get(text);
          if (seen === undefined) first.set(text, key);
          else if (translated.get(seen) !== translated.get(key)) differ.push(`${locale}: ${seen} != ${key}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });
});
