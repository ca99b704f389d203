/**
 * The console's languages. Client-safe: the header's switch and the server's
 * request config both read it. A third language is its messages file in
 * ./messages, one entry here and its import in ./messages.ts (see docs/architecture.md).
 */
/** Each language named in itself, as a language menu shows it. The first is the default. */
export const LOCALE_NAMES = { en: "English", "zh-CN": "简体中文" } as const;

export type Locale = keyof typeof LOCALE_NAMES;
export const LOCALES = Object.keys(LOCALE_NAMES) as [Locale, ...Locale[]];

export const DEFAULT_LOCALE: Locale = "en";

/** The browser remembers the chosen language in this cookie; a signed-in user's setting wins at sign-in. */
export const LOCALE_COOKIE = "console-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The locale a language tag falls to: any Chinese reads the Simplified Chinese pages, any English the English. */
function localeOfTag(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase();
  if (lower === "*" || lower === "") return null;
  const exact = LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split("-")[0];
  return LOCALES.find((l) => l.toLowerCase().split("-")[0] === primary) ?? null;
}

/**
 * The best of our locales for an Accept-Language header (RFC 9110 §12.5.4:
 * tags with q-values, highest first, q=0 meaning "not this"), else English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .slice(0, 1000)
    .split(",")
    .slice(0, 50)
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const r of ranked) {
    const found = localeOfTag(r.tag);
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}
