import "server-only";
import { z } from "zod";
import { outboundProblem, parseAllowHosts, type OutboundPolicy } from "@/lib/tencent/outbound";
import { REGION_IDS, normalizeBaseUrl } from "@/lib/tencent/regions";
import { parseTrustedProxies, type TrustedProxies } from "@/lib/trusted-proxies";

/**
 * The one validated view of the environment. A bad value fails at start with a
 * message that names the variable and the rule.
 */
/** The Call Engine's backend processing timeout (3 s): the console must wait at least this long. */
export const REQUEST_TIMEOUT_MIN_MS = 3_000;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
/** A JSON object from region ids to http(s) base URLs, e.g. {"china": "https://proxy.example/cn"}. */
function regionUrlMap() {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((text, ctx) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          ctx.addIssue({ code: "custom", message: 'must be a JSON object such as {"china": "https://proxy.example/cn"}' });
          return z.NEVER;
        }
        const map = z
          .partialRecord(
            z.enum(REGION_IDS),
            z.string().refine((v) => normalizeBaseUrl(v) !== null),
          )
          .safeParse(parsed);
        if (!map.success) {
          ctx.addIssue({ code: "custom", message: `must map region ids (${REGION_IDS.join(", ")}) to http(s) base URLs` });
          return z.NEVER;
        }
        return map.data;
      })
      .optional(),
  );
}

const optionalText = z.preprocess(blankToUndefined, z.string().optional());
const intVar = (fallback: number, min: number, max: number, minReason = "") =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(min, `must be at least ${min}${minReason}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );

const envSchema = z
  .object({
    DATABASE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, "must be file:<path> (SQLite) or postgres://... (PostgreSQL)")
        .default("file:./data/console.db"),
    ),
    /** SQLite only: normal (a commit is safe from a crash of the console, not of the machine) or full (flushed each commit). */
    SQLITE_SYNCHRONOUS: z.preprocess(
      (value) => (typeof value === "string" ? blankToUndefined(value.toLowerCase()) : value),
      z.enum(["normal", "full"], { error: "must be normal or full" }).default("normal"),
    ),
    DATA_DIR: z.preprocess(blankToUndefined, z.string().default("./data")),
    CONSOLE_SECRET: z.preprocess(
      blankToUndefined,
      z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)").optional(),
    ),
    /** The Call Engine's own processing limit is 3 s: a shorter wait abandons answers still on their way. */
    REQUEST_TIMEOUT_MS: intVar(
      10_000,
      REQUEST_TIMEOUT_MIN_MS,
      60_000,
      " (the Call Engine itself may take up to 3 s to answer; a shorter wait records a timeout for a request that went through)",
    ),
    SIMULATOR_SLOW_MS: intVar(15_000, 0, 120_000),
    // The simulator's clock (its defaults are the real service's: a record appears about 5 s after the end).
    // Tests shorten them so that they wait for a condition, not for minutes.
    SIMULATOR_ANSWER_MS: intVar(2_000, 0, 600_000),
    SIMULATOR_REJECT_MS: intVar(1_000, 0, 600_000),
    SIMULATOR_RECORD_DELAY_MS: intVar(5_000, 0, 600_000),
    /**
     * Calls the built-in simulator keeps going at once (all instances together); past it a start answers 101001,
     * labelled as the console's rule (Tencent documents no such limit). Ended calls go after the 7-day record retention.
     */
    SIMULATOR_MAX_LIVE_CALLS: intVar(1_000, 1, 100_000),
    SIMULATOR_HOME_REGION: z.preprocess(
      blankToUndefined,
      z.enum(REGION_IDS, { error: `must be one of ${REGION_IDS.join(", ")}` }).default("singapore"),
    ),
    TENCENT_REGION_URLS: regionUrlMap(),
    // The same for each region's backup domain (*.my-imcloud.com): tests point both at local servers.
    TENCENT_BACKUP_URLS: regionUrlMap(),
    CONSOLE_ADMIN_EMAIL: z.preprocess(blankToUndefined, z.email("must be an email address").optional()),
    CONSOLE_ADMIN_PASSWORD: z.preprocess(blankToUndefined, z.string().min(12, "must be at least 12 characters").max(256).optional()),
    PUBLIC_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine((value) => normalizeBaseUrl(value) !== null, "must be an http(s) URL, e.g. https://console.example.com")
        .optional(),
    ),
    /** Hosts (host or host:port) the console may send to over http or at a non-public address: local gateways, tests. */
    OUTBOUND_ALLOW_HOSTS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .optional()
        .transform((text, ctx) => {
          const parsed = parseAllowHosts(text);
          if (parsed.ok) return parsed.hosts;
          ctx.addIssue({ code: "custom", message: `"${parsed.entry}" is not a host or host:port (e.g. 127.0.0.1:8080, gateway.lan)` });
          return z.NEVER;
        }),
    ),
    RESPONSE_MAX_BYTES: intVar(1024 * 1024, 4096, 64 * 1024 * 1024),
    /** The proxies in front of the console: a hop count, or addresses and CIDRs. Unset: none, forwarded headers are ignored. */
    TRUSTED_PROXIES: z.preprocess(
      blankToUndefined,
      z
        .string()
        .optional()
        .transform((text, ctx) => {
          const parsed = parseTrustedProxies(text);
          if (parsed.ok) return parsed.proxies;
          ctx.addIssue({ code: "custom", message: parsed.message });
          return z.NEVER;
        }),
    ),
    WEBHOOK_RATE_PER_SECOND: intVar(50, 1, 10_000),
    WEBHOOK_BURST: intVar(50, 1, 100_000),
    WEBHOOK_MAX_EVENTS_PER_PROFILE: intVar(10_000, 10, 10_000_000),
    WEBHOOK_TOKEN_GRACE_HOURS: intVar(24, 0, 720),
    SESSION_IDLE_MINUTES: intVar(480, 5, 10_080),
    SESSION_MAX_HOURS: intVar(168, 1, 8_760),
    LOGIN_MAX_FAILURES: intVar(5, 1, 100),
    LOGIN_MAX_FAILURES_PER_ADDRESS: intVar(50, 1, 10_000),
    LOGIN_LOCK_MINUTES: intVar(15, 1, 1_440),
    TENCENT_SDKAPPID: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: "must be a number" }).int("must be a whole number").positive("must be positive").optional(),
    ),
    TENCENT_SECRET_KEY: optionalText,
    TENCENT_ADMIN_IDENTIFIER: z.preprocess(blankToUndefined, z.string().default("administrator")),
    TENCENT_REGION: z.preprocess(blankToUndefined, z.enum(REGION_IDS, { error: `must be one of ${REGION_IDS.join(", ")}` }).optional()),
    TENCENT_BASE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine((value) => normalizeBaseUrl(value) !== null, "must be an http(s) URL without query string")
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    // Several instances share one PostgreSQL: each must decrypt what the others stored.
    if (env.DATABASE_URL.startsWith("postgres") && env.CONSOLE_SECRET === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["CONSOLE_SECRET"],
        message:
          "is required with a PostgreSQL DATABASE_URL: give every instance the same value (e.g. `openssl rand -hex 32`), or stored SecretKeys cannot be read",
      });
    }
    if ((env.CONSOLE_ADMIN_EMAIL === undefined) !== (env.CONSOLE_ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [env.CONSOLE_ADMIN_EMAIL === undefined ? "CONSOLE_ADMIN_EMAIL" : "CONSOLE_ADMIN_PASSWORD"],
        message: "set both CONSOLE_ADMIN_EMAIL and CONSOLE_ADMIN_PASSWORD, or neither",
      });
    }
    const policy = { allowHosts: env.OUTBOUND_ALLOW_HOSTS };
    const baseProblem = env.TENCENT_BASE_URL ? outboundProblem(env.TENCENT_BASE_URL, policy) : null;
    if (baseProblem) ctx.addIssue({ code: "custom", path: ["TENCENT_BASE_URL"], message: baseProblem });
    for (const [region, url] of Object.entries(env.TENCENT_REGION_URLS ?? {})) {
      const problem = outboundProblem(url, policy);
      if (problem) ctx.addIssue({ code: "custom", path: ["TENCENT_REGION_URLS", region], message: problem });
    }
    const wantsProfile = env.TENCENT_SDKAPPID !== undefined || env.TENCENT_SECRET_KEY !== undefined;
    if (!wantsProfile) return;
    if (env.TENCENT_SDKAPPID === undefined) {
      ctx.addIssue({ code: "custom", path: ["TENCENT_SDKAPPID"], message: "is required when TENCENT_SECRET_KEY is set" });
    }
    if (env.TENCENT_SECRET_KEY === undefined) {
      ctx.addIssue({ code: "custom", path: ["TENCENT_SECRET_KEY"], message: "is required when TENCENT_SDKAPPID is set" });
    }
    if ((env.TENCENT_REGION === undefined) === (env.TENCENT_BASE_URL === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["TENCENT_REGION"],
        message: "set exactly one of TENCENT_REGION and TENCENT_BASE_URL for the environment profile",
      });
    }
  });

export type Env = z.output<typeof envSchema>;

export class EnvError extends Error {
  override readonly name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "environment"}: ${issue.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Where the console may send (OUTBOUND_ALLOW_HOSTS). */
export function outboundPolicy(): OutboundPolicy {
  return { allowHosts: env().OUTBOUND_ALLOW_HOSTS };
}

export function trustedProxies(): TrustedProxies {
  return env().TRUSTED_PROXIES;
}

/** The address people open the console at (PUBLIC_URL, else localhost on PORT): for printed links and the webhook receiver. */
export function publicUrl(): string {
  return (env().PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");
}
