import { z } from "zod";
import { outboundProblem, type OutboundPolicy } from "@/lib/tencent/outbound";
import { REGION_IDS, normalizeBaseUrl } from "@/lib/tencent/regions";
import { userIdSchema } from "@/lib/tencent/schemas/user-id";

/** What an admin edits of a profile. The SecretKey is write-only: sent on create and rotate, never read back. */
export const profileFieldsSchema = z
  .object({
    name: z.string().trim().min(1, "is required").max(64, "must be at most 64 characters"),
    sdkAppId: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .positive("must be positive")
      .max(9_999_999_999, "is too large"),
    adminIdentifier: userIdSchema,
    destination: z.enum(["region", "baseUrl"]),
    region: z.string().optional(),
    /** Send to the region's documented backup domain (*.my-imcloud.com) instead of its primary. */
    useBackup: z.boolean().optional(),
    baseUrl: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.destination === "region" && !(REGION_IDS as string[]).includes(value.region ?? "")) {
      ctx.addIssue({ code: "custom", path: ["region"], message: `must be one of ${REGION_IDS.join(", ")}` });
    }
    if (value.destination === "baseUrl" && normalizeBaseUrl(value.baseUrl ?? "") === null) {
      ctx.addIssue({
        code: "custom",
        path: ["baseUrl"],
        message: "must be an http(s) URL without query string, e.g. https://proxy.example.com",
      });
    }
  });

export const secretKeySchema = z
  .string({ error: "is required" })
  .trim()
  .min(16, "looks too short: copy the whole SecretKey from the Tencent Cloud console")
  .max(256, "must be at most 256 characters")
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");

export const createProfileSchema = z.object({ fields: profileFieldsSchema, secretKey: secretKeySchema });
export const updateProfileSchema = z.object({ id: z.string().min(1), fields: profileFieldsSchema });
export const rotateKeySchema = z.object({ id: z.string().min(1), secretKey: secretKeySchema });
export const profileIdSchema = z.object({ id: z.string().min(1) });

export type ProfileFields = z.input<typeof profileFieldsSchema>;

/**
 * The outbound policy's word on a profile's base URL (null when it may be
 * used). Checked by the server at save time with the operator's allowed hosts,
 * and again by the client where it connects.
 */
export function baseUrlProblem(fields: { destination: string; baseUrl?: string }, policy: OutboundPolicy): string | null {
  if (fields.destination !== "baseUrl") return null;
  const problem = outboundProblem(normalizeBaseUrl(fields.baseUrl ?? "") ?? fields.baseUrl ?? "", policy);
  return problem ? `Base URL ${problem}` : null;
}
