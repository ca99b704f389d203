import { decodeUserSig } from "../lib/tencent/usersig";

/** UserSigs found in a text: base64-like runs starting with a zlib header ("eJ") that decode as one. */
export function findUserSigs(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/eJ[A-Za-z0-9*\-_]{60,}/g)) {
    try {
      decodeUserSig(match[0]);
      found.push(match[0]);
    } catch {
      // a lookalike, not a UserSig
    }
  }
  return found;
}
