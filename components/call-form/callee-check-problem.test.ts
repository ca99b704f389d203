import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { englishCatalogMessages } from "@/lib/i18n/catalog-messages";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import type { CalleeCheckProblem } from "@/lib/forms/callee-check-view";
import CalleeCheckProblemText from "./callee-check-problem";

// The messages as the pages get them: English's error catalog comes from lib/tencent/error-catalog.ts.
const MESSAGES = { en: { ...en, errorCatalog: englishCatalogMessages() }, "zh-CN": zhCN } as const;
const messagesFor = (locale: keyof typeof MESSAGES) => MESSAGES[locale];

const render = (locale: keyof typeof MESSAGES, problem: CalleeCheckProblem) =>
  renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      // The provider's type asks for children among the props; they are passed as createElement's third argument.
      { locale, messages: messagesFor(locale), timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>,
      createElement(CalleeCheckProblemText, { problem }),
    ),
  );

const expired: CalleeCheckProblem = { command: "im_open_login_svc/account_check", outcome: "api-error", errorCode: 70001 };

describe("a failed callee check, explained in the page's language", () => {
  it("names the request, its outcome and code, with the catalog's title and advice (English)", () => {
    const text = render("en", expired);
    expect(text).toContain("account_check failed (api-error 70001): ");
    expect(text).toContain(messagesFor("en").errorCatalog.subjects["70001"]?.title ?? "missing");
    expect(text).toMatch(/Starting is not blocked\.$/);
  });

  it("reads in Chinese, the API's names kept as they are", () => {
    const zh = messagesFor("zh-CN");
    const text = render("zh-CN", expired);
    expect(text).toContain("account_check 失败（api-error 70001）：");
    expect(text).toContain(zh.errorCatalog.subjects["70001"]?.title ?? "missing");
    expect(text).toContain(zh.errorCatalog.subjects["70001"]?.action ?? "missing");
    expect(text).not.toContain(messagesFor("en").errorCatalog.subjects["70001"]?.title ?? "missing");
  });

  it("leaves the code out when there is none (a timeout)", () => {
    expect(render("en", { command: "im_open_login_svc/query_online_status", outcome: "timeout", errorCode: null })).toContain(
      "query_online_status failed (timeout): ",
    );
  });
});
