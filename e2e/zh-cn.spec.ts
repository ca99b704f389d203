import { ERROR_CODES } from "../lib/tencent/error-catalog";
import { untranslatedWords } from "../lib/i18n/api-names";
import { storageStateOf } from "./constants";
import { concrete, expectNoAxeViolations, SIGNED_IN_PAGES, type Samples } from "./every-page";
import { expect, test, uniqueId } from "./fixtures";
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

/**
 * The console in Simplified Chinese: the browser asks for zh-CN (Accept-Language),
 * so every page is Chinese until the user picks another language in the header.
 */
test.use({ locale: "zh-CN" });

const NEVER_IMPORTED = ERROR_CODES[70107];
const zh = JSON.parse(readFileSync("lib/i18n/messages/zh-CN.json", "utf8")) as {
  errorCatalog: { subjects: Record<string, { title: string }> };
};
const zhCatalog = zh.errorCatalog;

/** The interface's own words on the page (headings, labels, buttons, table heads, nav): data such as names and ids aside. */
async function untranslatedChrome(page: Page): Promise<string[]> {
  const texts = await page.locator("h1, h2, h3, label, button, th, nav a, legend, summary, dt, [role=tab], option").evaluateAll((nodes) =>
    nodes
      // Visible, and in the page's language: a language's own name in the switch is marked with its lang.
      .filter((n) => (n as HTMLElement).offsetParent !== null || n.tagName === "OPTION")
      .filter((n) => n.closest("[lang]")?.getAttribute("lang") === document.documentElement.lang)
      .map((n) => n.textContent ?? ""),
  );
  return [...new Set(texts.flatMap((t) => untranslatedWords(t)))];
}

async function startCall(page: Page, robot: string, callees: string[]) {
  await page.goto("/calls/new");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
  await page.getByLabel("Robot_Account").fill(robot);
  await page.getByLabel("CalleeList_Account").fill(callees.join("\n"));
  await page.locator("form[data-submit-shortcut] button[type=submit]").click();
  const result = page.getByTestId("call-result");
  await expect(result).toBeVisible();
  return result;
}

test("a 70107 explained in Chinese, found in history by RequestId, then English and back", async ({ page }) => {
  const missing = uniqueId("sim-not-imported");
  const result = await startCall(page, uniqueId("zh-robot"), [missing]);
  const explanation = result.getByTestId("explanation");
  await expect(explanation).toContainText(zhCatalog.subjects["70107"]?.title ?? "(missing)");
  await expect(explanation).not.toContainText(NEVER_IMPORTED?.title ?? "(missing)");
  await expect(explanation).toContainText("70107");
  await expect(explanation).toContainText(missing);
  const requestId = (await result.getByTestId("result-request-id").innerText()).trim();

  // Support pastes the RequestId into the history search: an exact one opens its entry.
  await page.goto("/history");
  await page.locator("[data-shortcut-search]").fill(requestId);
  await page.locator("[data-shortcut-search]").press("Enter");
  await expect(page.getByTestId("entry-request-id")).toHaveText(requestId);
  await expect(page.getByTestId("explanation")).toContainText(zhCatalog.subjects["70107"]?.title ?? "(missing)");
  expect(await untranslatedChrome(page)).toEqual([]);

  // The header's switch changes the language at once, and it is remembered.
  await page.getByTestId("language-switch").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("explanation")).toContainText(NEVER_IMPORTED?.title ?? "(missing)");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByTestId("language-switch").selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("explanation")).toContainText(zhCatalog.subjects["70107"]?.title ?? "(missing)");
});

test.describe("every page in Chinese", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("reads in Chinese (the API's names aside), with lang=zh-CN and no axe violation", async ({ page }) => {
    test.setTimeout(120_000);
    const result = await startCall(page, uniqueId("zh-sweep"), [uniqueId("zh-sweep-callee")]);
    const callId = (await result.getByTestId("result-call-id").innerText()).trim();
    const href = await result.locator("a[href^='/history/']").first().getAttribute("href");
    const samples: Samples = { entryId: /\/history\/([^/?#]+)/.exec(href ?? "")?.[1] ?? "missing", callId };
    const found: string[] = [];
    for (const route of [...SIGNED_IN_PAGES, "/login"]) {
      const url = concrete(route, samples);
      await page.goto(url);
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      for (const word of await untranslatedChrome(page)) found.push(`${url}: ${word}`);
      await expectNoAxeViolations(page, `${url} (zh-CN)`);
    }
    expect(found).toEqual([]);
  });
});
