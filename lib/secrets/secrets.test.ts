import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SecretDecryptionError, decryptSecret, deriveSimulatorKey, encryptSecret, keyFingerprint, loadMasterKey } from "./index";

describe("secrets", () => {
  it("round-trips a key through AES-256-GCM with a fresh IV each time", () => {
    const master = loadMasterKey({ consoleSecret: "x".repeat(40), dataDir: "/nonexistent" });
    const a = encryptSecret(master, "5bd2850fff3ecb11d7c805251c51ee46");
    const b = encryptSecret(master, "5bd2850fff3ecb11d7c805251c51ee46");
    expect(a).not.toBe(b);
    expect(a).not.toContain("5bd2850f");
    expect(decryptSecret(master, a)).toBe("5bd2850fff3ecb11d7c805251c51ee46");
  });

  it("refuses a key encrypted under another master key, and tampering", () => {
    const one = loadMasterKey({ consoleSecret: "1".repeat(40), dataDir: "/x" });
    const two = loadMasterKey({ consoleSecret: "2".repeat(40), dataDir: "/x" });
    const stored = encryptSecret(one, "secret");
    expect(() => decryptSecret(two, stored)).toThrow(SecretDecryptionError);
    const parts = stored.split(":");
    parts[3] = Buffer.from("other").toString("base64");
    expect(() => decryptSecret(one, parts.join(":"))).toThrow(/CONSOLE_SECRET/);
    expect(() => decryptSecret(one, "plain")).toThrow(/known format/);
  });

  it("generates the master key once into the data folder, readable by the owner only", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "console-")), "data");
    const first = loadMasterKey({ dataDir: dir });
    const file = path.join(dir, "console-secret");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(loadMasterKey({ dataDir: dir }).equals(first)).toBe(true);
  });

  it("shows only the last four characters of a key, and derives a stable simulator key", () => {
    expect(keyFingerprint("abcdef0123456789")).toBe("…6789");
    const master = loadMasterKey({ consoleSecret: "m".repeat(40), dataDir: "/x" });
    expect(deriveSimulatorKey(master)).toMatch(/^[0-9a-f]{64}$/);
    expect(deriveSimulatorKey(master)).toBe(deriveSimulatorKey(master));
  });
});
