import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("has working defaults: SQLite in ./data, the simulator only", () => {
    expect(parseEnv({})).toMatchObject({
      DATABASE_URL: "file:./data/console.db",
      DATA_DIR: "./data",
      REQUEST_TIMEOUT_MS: 10000,
      TENCENT_ADMIN_IDENTIFIER: "administrator",
    });
    expect(parseEnv({ REQUEST_TIMEOUT_MS: "" }).REQUEST_TIMEOUT_MS).toBe(10000);
  });

  it("names the variable and the rule", () => {
    expect(() => parseEnv({ REQUEST_TIMEOUT_MS: "fast" })).toThrow(/REQUEST_TIMEOUT_MS: must be a whole number/);
    expect(() => parseEnv({ REQUEST_TIMEOUT_MS: "100" })).toThrow(/REQUEST_TIMEOUT_MS: must be at least 1000/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be file:/);
    expect(() => parseEnv({ CONSOLE_SECRET: "short" })).toThrow(/CONSOLE_SECRET: must be at least 32/);
    expect(() => parseEnv({ TENCENT_REGION: "mars" })).toThrow(EnvError);
  });

  it("requires CONSOLE_SECRET on PostgreSQL, where instances share what is encrypted", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://u:p@127.0.0.1/console" })).toThrow(/CONSOLE_SECRET: is required with a PostgreSQL/);
    expect(() => parseEnv({ DATABASE_URL: "postgresql://u:p@127.0.0.1/console", CONSOLE_SECRET: " " })).toThrow(
      /CONSOLE_SECRET: is required/,
    );
    const secret = "0123456789abcdef0123456789abcdef";
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@127.0.0.1/console", CONSOLE_SECRET: secret }).CONSOLE_SECRET).toBe(secret);
    expect(parseEnv({ DATABASE_URL: "file:./x.db" }).CONSOLE_SECRET).toBeUndefined();
  });

  it("reads region URL overrides as a JSON map of region ids", () => {
    expect(parseEnv({ TENCENT_REGION_URLS: '{"china": "https://proxy.example/cn"}' }).TENCENT_REGION_URLS).toEqual({
      china: "https://proxy.example/cn",
    });
    expect(() => parseEnv({ TENCENT_REGION_URLS: "{nope" })).toThrow(/TENCENT_REGION_URLS: must be a JSON object/);
    expect(() => parseEnv({ TENCENT_REGION_URLS: '{"mars": "https://x"}' })).toThrow(/TENCENT_REGION_URLS: must map region ids/);
    expect(parseEnv({}).SIMULATOR_HOME_REGION).toBe("singapore");
  });

  it("wants both admin variables or neither", () => {
    expect(() => parseEnv({ CONSOLE_ADMIN_EMAIL: "a@b.co" })).toThrow(/CONSOLE_ADMIN_PASSWORD: set both/);
    expect(() => parseEnv({ CONSOLE_ADMIN_EMAIL: "not-an-email", CONSOLE_ADMIN_PASSWORD: "long enough password" })).toThrow(
      /CONSOLE_ADMIN_EMAIL: must be an email/,
    );
    expect(() => parseEnv({ CONSOLE_ADMIN_EMAIL: "a@b.co", CONSOLE_ADMIN_PASSWORD: "short" })).toThrow(
      /CONSOLE_ADMIN_PASSWORD: must be at least 12/,
    );
    expect(parseEnv({ CONSOLE_ADMIN_EMAIL: "a@b.co", CONSOLE_ADMIN_PASSWORD: "long enough password" }).SESSION_IDLE_MINUTES).toBe(480);
  });

  it("wants a whole environment profile or none", () => {
    expect(() => parseEnv({ TENCENT_SDKAPPID: "1400000000" })).toThrow(/TENCENT_SECRET_KEY: is required/);
    expect(() => parseEnv({ TENCENT_SDKAPPID: "1400000000", TENCENT_SECRET_KEY: "k" })).toThrow(
      /exactly one of TENCENT_REGION and TENCENT_BASE_URL/,
    );
    expect(() =>
      parseEnv({ TENCENT_SDKAPPID: "1400000000", TENCENT_SECRET_KEY: "k", TENCENT_REGION: "china", TENCENT_BASE_URL: "https://p" }),
    ).toThrow(/exactly one/);
    expect(() => parseEnv({ TENCENT_SDKAPPID: "1", TENCENT_SECRET_KEY: "k", TENCENT_BASE_URL: "https://proxy.example/?a=1" })).toThrow(
      /TENCENT_BASE_URL/,
    );
    expect(parseEnv({ TENCENT_SDKAPPID: "1400000000", TENCENT_SECRET_KEY: "k", TENCENT_REGION: "singapore" })).toMatchObject({
      TENCENT_SDKAPPID: 1400000000,
      TENCENT_REGION: "singapore",
    });
  });
});
