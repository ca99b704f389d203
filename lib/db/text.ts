/**
 * Text from outside (the gateway's answers) on its way into the database.
 * PostgreSQL's text refuses NUL, and neither database should keep a lone
 * UTF-16 surrogate (what invalid UTF-8 or a bad \uD800 escape becomes): both
 * are replaced by U+FFFD (the replacement character, shown as �), so the row
 * is always written and the reader sees where something was replaced. Bytes
 * that were not valid UTF-8 became U+FFFD already when the body was decoded.
 */
export const REPLACEMENT = "\uFFFD";

/** Escapes of NUL inside JSON text (not preceded by an odd number of backslashes). */
const JSON_NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/gi;

export function storableText(text: string): string;
export function storableText(text: string | null): string | null;
export function storableText(text: string | null): string | null {
  if (text === null) return null;
  return text.replace(/\u0000/g, REPLACEMENT).toWellFormed();
}

/** The same for JSON text: a NUL written as \u0000 would come back as NUL when read, so it is replaced too. */
export function storableJsonText(text: string | null): string | null {
  if (text === null) return null;
  return storableText(text).replace(JSON_NUL_ESCAPE, "$1\uFFFD");
}

/** Whether a text from outside could be in a column at all: PostgreSQL refuses NUL even in a query's parameter. */
export function couldBeStored(text: string): boolean {
  return !text.includes("\u0000");
}
