/**
 * What the admin pages, sign-in and setup show from lib (schema rules, server
 * refusals, the guards' refusals, the simulator accounts) reads in Chinese:
 * each English sentence lib writes today is matched by the phrasebook.
 */
import { describe, expect, it } from "vitest";
import { REFUSAL_UNAUTHENTICATED, refusalForbidden } from "@/lib/auth/guards";
import { createProfileSchema, baseUrlProblem } from "@/lib/forms/profile-schema";
import { ROLES } from "@/lib/forms/roles";
import { MAGIC_ACCOUNTS } from "@/lib/simulator/magic-accounts";
import { STRICT_POLICY } from "@/lib/tencent/outbound";
import { messagesFor, phrasePairsFor } from "@/lib/i18n/messages";
import { createPhrasebook } from "@/lib/i18n/phrasebook";

const localize = createPhrasebook(phrasePairsFor("zh-CN"));
const translated = (text: string) => localize(text) !== text && !/[a-z]{4,} [a-z]{3,}/.test(localize(text));

describe("admin and sign-in text in Chinese", () => {
  it("translates the guards' refusals, for every role", () => {
    expect(localize(REFUSAL_UNAUTHENTICATED)).toBe("你尚未登录（或会话已结束）。请登录后重试。");
    for (const role of ROLES) expect(translated(refusalForbidden(role)), role).toBe(true);
  });

  it("translates every rule a bad profile breaks", () => {
    const base = { name: "ok", sdkAppId: "1400000000", adminIdentifier: "administrator", destination: "region", region: "china" };
    const key = "k".repeat(20);
    const inputs = [
      { fields: { ...base, name: "", sdkAppId: "x" }, secretKey: "short" },
      { fields: { ...base, name: "n".repeat(65), sdkAppId: "1.5" }, secretKey: "has a space in it here" },
      { fields: { ...base, sdkAppId: "-3" }, secretKey: "x".repeat(300) },
      { fields: { ...base, sdkAppId: "99999999999" }, secretKey: key },
      { fields: { ...base, region: "mars" }, secretKey: key },
      { fields: { ...base, destination: "baseUrl", baseUrl: "ftp://x?y" }, secretKey: key },
    ];
    const messages = inputs.flatMap((input) => createProfileSchema.safeParse(input).error?.issues.map((i) => i.message) ?? []);
    expect(new Set(messages).size).toBeGreaterThanOrEqual(10);
    expect(messages.filter((m) => !translated(m))).toEqual([]);
  });

  it("translates why a base URL is refused, naming the rule", () => {
    const policy = STRICT_POLICY;
    const problems = [
      "ftp://x.example.com",
      "https://u:p@x.example.com",
      "http://x.example.com",
      "https://10.0.0.1",
      "https://intranet",
      "https://a.corp",
    ]
      .map((baseUrl) => baseUrlProblem({ destination: "baseUrl", baseUrl }, policy))
      .filter((p): p is string => p !== null);
    expect(problems).toHaveLength(6);
    expect(problems.filter((p) => !localize(p).startsWith("基础 URL 不") && !localize(p).startsWith("基础 URL 必须"))).toEqual([]);
  });

  it("describes every simulator account, in both languages", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const accounts = messagesFor(locale).simulator.accounts as Record<string, string | undefined>;
      expect(
        MAGIC_ACCOUNTS.filter((m) => !accounts[m.name]).map((m) => m.name),
        locale,
      ).toEqual([]);
    }
    const english = messagesFor("en").simulator.accounts as Record<string, string | undefined>;
    expect(MAGIC_ACCOUNTS.filter((m) => english[m.name] !== m.effect).map((m) => m.name)).toEqual([]);
  });

  it("names every audit action the console writes", () => {
    const actions = messagesFor("zh-CN").audit.actions as Record<string, Record<string, string>>;
    const written = [
      ...["auth.sign_in", "auth.sign_in_failed", "auth.sign_in_throttled", "auth.sign_out"],
      ...["user.created", "user.updated", "user.role_changed", "user.disabled", "user.enabled"],
      ...["user.reset_link_issued", "user.invite_accepted", "user.password_reset"],
      ...["profile.created", "profile.updated", "profile.deleted", "profile.key_rotated", "profile.webhook_token_rotated"],
      ...["template.created", "template.updated", "template.deleted", "usersig.generated"],
    ];
    for (const action of written) {
      const [group = "", name = ""] = action.split(".");
      expect(actions[group]?.[name], action).toMatch(/\p{Script=Han}/u);
    }
  });
});
