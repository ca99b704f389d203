import { expect, type Locator, type Page } from "@playwright/test";

export class HistoryPage {
  readonly search: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByLabel("RequestId, CallId or UserID");
    this.rows = page.getByTestId("history-row");
  }

  async goto(q?: string) {
    await this.page.goto(q ? `/history?q=${encodeURIComponent(q)}` : "/history");
    await expect(this.page.getByRole("heading", { name: "History" })).toBeVisible();
  }

  async find(text: string) {
    await this.search.fill(text);
    await this.page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(this.page).toHaveURL(new RegExp(`q=${encodeURIComponent(text)}`));
  }

  filter(label: string) {
    return this.page.getByRole("search", { name: "Search history" }).getByLabel(label);
  }
}
