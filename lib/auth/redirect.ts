/**
 * Where to send the browser after signing in: a path on this site, never
 * another origin. Browsers drop tabs and newlines in URLs and read "\" as "/",
 * so "/\t/evil.example" or "/\\evil.example" would leave the site; they are
 * refused along with anything that resolves to another origin.
 */
const BASE = "http://console.invalid";

export function safeNextPath(next: string | undefined | null): string {
  if (!next || !next.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}`;
  // Dot segments resolve away: "/.//evil.example" becomes "//evil.example", which is another site.
  if (/^\/[\/\\]/.test(path) || path.startsWith("/login")) return "/";
  return path;
}
