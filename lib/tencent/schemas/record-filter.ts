import { z } from "zod";

/** CallRecord.CallResult values get_record_by_filter can filter on. */
export const RECORD_CALL_RESULTS = ["Cancel", "Reject", "NotAnswer", "NormalEnd", "CallBusy", "Interrupt"] as const;
export const CALL_TYPES = ["SingleCall", "MultiCall"] as const;

const unixSeconds = z.int({ error: "must be a whole number (unix seconds)" }).min(0, "must not be negative");
const positive = z.int({ error: "must be a whole number" }).min(1, "must be at least 1");

/** The get_record_by_filter body: every field optional (records of the last 7 days only). */
export const recordFilterBodySchema = z.strictObject(
  {
    StartTime: unixSeconds.optional(),
    EndTime: unixSeconds.optional(),
    NumberPerPage: positive.optional(),
    Page: positive.optional(),
    CallResult: z.enum(RECORD_CALL_RESULTS, { error: `must be one of ${RECORD_CALL_RESULTS.join(", ")}` }).optional(),
    CallType: z.enum(CALL_TYPES, { error: `must be one of ${CALL_TYPES.join(", ")}` }).optional(),
  },
  { error: "must be a JSON object" },
);

export type RecordFilterBody = z.output<typeof recordFilterBodySchema>;
