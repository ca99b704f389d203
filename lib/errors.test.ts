import { describe, expect, it } from "vitest";
import { AppError, invalidInput } from "./errors";
import { refusalMessage } from "./forms/action-result";

describe("the one error model", () => {
  it("names the first field problem in the message and keeps them all", () => {
    const error = invalidInput({ Timeout: ["must be at least 10000"], "CallInfo.MediaType": ["must be Audio or Video"] });
    expect(error).toBeInstanceOf(AppError);
    expect(error.kind).toBe("invalid-input");
    expect(error.message).toBe("Timeout must be at least 10000");
    expect(error.fieldErrors).toEqual({ Timeout: ["must be at least 10000"], "CallInfo.MediaType": ["must be Audio or Video"] });
  });

  it("a refusal reads as the form's message, else every field problem, else the fallback", () => {
    expect(refusalMessage({ ok: false, formError: "This user no longer exists." }, "x")).toBe("This user no longer exists.");
    expect(refusalMessage({ ok: false, fieldErrors: { email: ["already has an account"], role: ["is required"] } }, "x")).toBe(
      "email already has an account; role is required",
    );
    expect(refusalMessage({ ok: false }, "The profile could not be saved.")).toBe("The profile could not be saved.");
  });
});
