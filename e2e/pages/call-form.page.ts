import { expect, type Locator, type Page } from "@playwright/test";

export class CallFormPage {
  readonly robot: Locator;
  readonly callees: Locator;
  readonly timeout: Locator;
  readonly userData: Locator;
  readonly submit: Locator;
  readonly result: Locator;
  readonly preview: Locator;
  readonly explanation: Locator;

  constructor(readonly page: Page) {
    this.robot = page.getByLabel("Robot_Account");
    this.callees = page.getByLabel("CalleeList_Account");
    this.timeout = page.getByLabel("Timeout", { exact: true });
    this.userData = page.getByLabel("UserData");
    this.submit = page.getByRole("button", { name: /Start call|Sending/ });
    this.result = page.getByTestId("call-result");
    this.preview = page.getByTestId("body-preview");
    this.explanation = this.result.getByTestId("explanation");
  }

  async goto() {
    await this.page.goto("/calls/new");
    await expect(this.robot).toBeVisible();
    // Typed and clicked before hydration, a start would reach no handler.
    await expect(this.page.locator("form[data-hydrated]")).toHaveCount(1);
  }

  async fill({ robot, callees, timeout }: { robot: string; callees: string[]; timeout?: string }) {
    await this.robot.fill(robot);
    await this.callees.fill(callees.join("\n"));
    if (timeout !== undefined) await this.timeout.fill(timeout);
  }

  async start(input: { robot: string; callees: string[]; timeout?: string }) {
    await this.fill(input);
    await this.submit.click();
    await expect(this.result).toBeVisible();
  }

  requestId() {
    return this.result.getByTestId("result-request-id").innerText();
  }
}
