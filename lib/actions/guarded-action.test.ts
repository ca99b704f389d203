import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { ProfileError } from "@/lib/calls/profiles";
import { refusalFrom } from "./guarded-action";

describe("refusalFrom: a thrown AppError becomes the action's refusal", () => {
  it("puts a field's message on that field", () => {
    expect(refusalFrom(new AppError("conflict", "is used by another profile", { field: "fields.name" }))).toEqual({
      ok: false,
      fieldErrors: { "fields.name": ["is used by another profile"] },
    });
  });

  it("a profile problem is about the profile field", () => {
    expect(refusalFrom(new ProfileError("this app profile no longer exists; pick another"))).toEqual({
      ok: false,
      fieldErrors: { profileId: ["this app profile no longer exists; pick another"] },
    });
  });

  it("keeps every field error of an invalid input, and a message without a field is the form's", () => {
    expect(refusalFrom(new AppError("invalid-input", "x", { fieldErrors: { a: ["1"], b: ["2"] } }))).toEqual({
      ok: false,
      fieldErrors: { a: ["1"], b: ["2"] },
    });
    expect(refusalFrom(new AppError("not-found", "This user no longer exists."))).toEqual({
      ok: false,
      formError: "This user no longer exists.",
    });
  });
});
