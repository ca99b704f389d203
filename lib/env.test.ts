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
    expect(() => parseEnv({ REQUEST_TIMEOUT_MS: "100" })).toThrow(/REQUEST_TIMEOUT_MS: must be at least 3000/);
    // The Call Engine's own limit is 3 s: 2999 ms is refused with the reason, 3000 ms accepted.
    expect(() => parseEnv({ REQUEST_TIMEOUT_MS: "2999" })).toThrow(
      /REQUEST_TIMEOUT_MS: must be at least 3000 \(the Call Engine itself may take up to 3 s/,
    );
    expect(parseEnv({ REQUEST_TIMEOUT_MS: "3000" }).REQUEST_TIMEOUT_MS).toBe(3000);
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

  it("keeps the simulator's documented clock unless told otherwise, and names a bad timing", () => {
    expect(parseEnv({})).toMatchObject({ SIMULATOR_ANSWER_MS: 2000, SIMULATOR_REJECT_MS: 1000, SIMULATOR_RECORD_DELAY_MS: 5000 });
    expect(parseEnv({ SIMULATOR_RECORD_DELAY_MS: "800" }).SIMULATOR_RECORD_DELAY_MS).toBe(800);
    expect(() => parseEnv({ SIMULATOR_ANSWER_MS: "-1" })).toThrow(/SIMULATOR_ANSWER_MS: must be at least 0/);
    expect(() => parseEnv({ SIMULATOR_REJECT_MS: "soon" })).toThrow(/SIMULATOR_REJECT_MS: must be a whole number/);
  });

  it("bounds the simulator's live calls: 1,000 unless told, at least 1", () => {
    expect(parseEnv({}).SIMULATOR_MAX_LIVE_CALLS).toBe(1000);
    expect(parseEnv({ SIMULATOR_MAX_LIVE_CALLS: "50" }).SIMULATOR_MAX_LIVE_CALLS).toBe(50);
    expect(() => parseEnv({ SIMULATOR_MAX_LIVE_CALLS: "0" })).toThrow(/SIMULATOR_MAX_LIVE_CALLS: must be at least 1/);
    expect(() => parseEnv({ SIMULATOR_MAX_LIVE_CALLS: "many" })).toThrow(/SIMULATOR_MAX_LIVE_CALLS: must be a whole number/);
  });

  it("reads the outbound, proxy and webhook settings, and checks overrides against the outbound policy", () => {
    const defaults = parseEnv({});
    expect(defaults).toMatchObject({ OUTBOUND_ALLOW_HOSTS: [], RESPONSE_MAX_BYTES: 1048576, TRUSTED_PROXIES: { kind: "none" } });
    expect(parseEnv({ OUTBOUND_ALLOW_HOSTS: "127.0.0.1:3203, gw.lan" }).OUTBOUND_ALLOW_HOSTS).toEqual(["127.0.0.1:3203", "gw.lan"]);
    expect(() => parseEnv({ OUTBOUND_ALLOW_HOSTS: "http://x/y" })).toThrow(/OUTBOUND_ALLOW_HOSTS: "http:\/\/x\/y" is not a host/);
    expect(parseEnv({ TRUSTED_PROXIES: "1" }).TRUSTED_PROXIES).toEqual({ kind: "hops", count: 1 });
    expect(() => parseEnv({ TRUSTED_PROXIES: "proxy" })).toThrow(/TRUSTED_PROXIES: "proxy" is not an address or CIDR/);
    expect(() => parseEnv({ TENCENT_REGION_URLS: '{"china": "http://127.0.0.1:3203/sim"}' })).toThrow(
      /TENCENT_REGION_URLS.china: must use https/,
    );
    expect(
      parseEnv({ TENCENT_REGION_URLS: '{"china": "http://127.0.0.1:3203/sim"}', OUTBOUND_ALLOW_HOSTS: "127.0.0.1:3203" })
        .TENCENT_REGION_URLS,
    ).toEqual({ china: "http://127.0.0.1:3203/sim" });
    expect(() => parseEnv({ TENCENT_BASE_URL: "https://169.254.169.254" })).toThrow(/TENCENT_BASE_URL: must not point at a link-local/);
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
