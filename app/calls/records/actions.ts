"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/auth/guards";
import { ProfileError } from "@/lib/calls/profiles";
import { readyDb } from "@/lib/calls/ready";
import { browseRecords } from "@/lib/calls/records";

const input = z.object({
  profileId: z.string().min(1, "choose a profile"),
  page: z.int().min(1).max(10_000),
  callResult: z.enum(["Cancel", "Reject", "NotAnswer", "NormalEnd", "CallBusy", "Interrupt"]).optional(),
  callType: z.enum(["SingleCall", "MultiCall"]).optional(),
  /** Set by later pages: the window page 1 used. */
  startTime: z.int().min(0).optional(),
  endTime: z.int().min(0).optional(),
});

/** A read: support staff may browse records. Each page is an attempt in history. */
export const browseRecordsAction = guardedAction("viewer", input, async (query, actor) => {
  try {
    return { ok: true, data: await browseRecords(await readyDb(), query, actor) };
  } catch (error) {
    if (error instanceof ProfileError) return { ok: false, fieldErrors: { profileId: [error.message] } };
    throw error;
  }
});
