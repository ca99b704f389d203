import "server-only";
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Encryption of stored SecretKeys (AES-256-GCM). The master key comes from
 * CONSOLE_SECRET, or is generated once into <DATA_DIR>/console-secret (0600).
 */

export class SecretDecryptionError extends Error {
  override readonly name = "SecretDecryptionError";
}

const FORMAT = "v1";

export function loadMasterKey(options: { consoleSecret?: string; dataDir: string }): Buffer {
  if (options.consoleSecret) {
    return createHash("sha256").update(`call-engine-console:${options.consoleSecret}`).digest();
  }
  const file = path.join(options.dataDir, "console-secret");
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  const hex = readFileSync(file, "utf8").trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new Error(`${file} is not 64 hex characters; delete it only if no profile keys were saved with it`);
  }
  return Buffer.from(hex, "hex");
}

export function encryptSecret(masterKey: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", masterKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":");
}

export function decryptSecret(masterKey: Buffer, stored: string): string {
  const [format, iv, tag, ciphertext] = stored.split(":");
  if (format !== FORMAT || !iv || !tag || ciphertext === undefined) {
    throw new SecretDecryptionError("the stored key is not in a known format");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", masterKey, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(
      "the stored key cannot be decrypted: CONSOLE_SECRET (or the data folder's console-secret) changed since it was saved",
    );
  }
}

/** What a page may show of a key: its length class and last four characters. */
export function keyFingerprint(secretKey: string): string {
  return `…${secretKey.slice(-4)}`;
}

/** A per-installation key for the built-in simulator's app, derived from the master key. */
export function deriveSimulatorKey(masterKey: Buffer): string {
  return createHmac("sha256", masterKey).update("call-engine-simulator-secret-key").digest("hex");
}
