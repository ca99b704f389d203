import { z } from "zod";

/** The body of end_call, get_call_info and get_record_by_callid. */
export const callIdBodySchema = z.strictObject(
  {
    CallId: z
      .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
      .min(1, "must not be empty")
      .max(128, "must be at most 128 characters"),
  },
  { error: "must be a JSON object" },
);

export type CallIdBody = z.output<typeof callIdBodySchema>;
