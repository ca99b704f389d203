import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { PAGE_ACCESS } from "../lib/auth/access";

/** Every page of the console, from the one access list, so a new page is covered without being listed here. */
export const PAGES = Object.keys(PAGE_ACCESS).sort();
export const PUBLIC_PAGES = PAGES.filter((route) => PAGE_ACCESS[route as keyof typeof PAGE_ACCESS] === "public");
export const SIGNED_IN_PAGES = PAGES.filter((route) => !PUBLIC_PAGES.includes(route));

export interface Samples {
  /** A history entry's id, its RequestId and CallId. */
  entryId: string;
  callId: string;
}

/** A route with its parameters filled from real data (an unknown parameter shows the not-found page, which is checked too). */
export function concrete(route: string, samples: Samples): string {
  return route
    .replace(/^\/history\/\[[^\]]+\]/, `/history/${samples.entryId}`)
    .replace(/^\/admin\/profiles\/\[[^\]]+\]/, "/admin/profiles/simulator")
    .replace(/\[callId\]/, samples.callId)
    .replace(/\[[^\]]+\]/g, "sample");
}

/** Starts a call on the simulator through the form and returns its entry's id and CallId. */
export async function startSampleCall(page: Page, robot: string): Promise<Samples> {
  await page.goto("/calls/new");
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
  await page.getByLabel("Robot_Account").fill(robot);
  await page.getByLabel("CalleeList_Account").fill(`${robot}-callee`);
  await page.getByRole("button", { name: "Start call" }).click();
  const result = page.getByTestId("call-result");
  await expect(result).toBeVisible();
  const callId = await result.getByTestId("result-call-id").innerText();
  const href = await result.getByRole("link", { name: /Open in history/ }).getAttribute("href");
  const entryId = /\/history\/([^/?#]+)/.exec(href ?? "")?.[1];
  if (!entryId) throw new Error(`no history link in the result: ${href}`);
  return { entryId, callId };
}

export const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on what the page shows now and expects no violation (listed by rule and element when there are). */
export async function expectNoAxeViolations(page: Page, where: string) {
  // Colours are measured settled: a button fading back from its disabled shade is not yet its colour.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join(" | ")}`,
  );
  expect(found, `axe on ${where}`).toEqual([]);
}

/** The page itself never scrolls sideways (checked once the page's own requests are done; every page is reported). */
export async function expectNoSidewaysScroll(page: Page, width: number, where: string) {
  await page.waitForLoadState("networkidle");
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(scrollWidth, `${where} is ${scrollWidth} px wide`).toBeLessThanOrEqual(width);
}
