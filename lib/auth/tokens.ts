import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A random opaque token (256 bits) for a cookie or a one-time link. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
