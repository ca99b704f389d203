"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
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
export const browseRecordsAction = guardedAction("records.browse", input, (query, actor) => browseRecords(actor.db, query, actor));
