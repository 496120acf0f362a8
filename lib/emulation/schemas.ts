import { z } from "zod";
import { timestamp, uuid } from "@/lib/api/common-schemas";

export const startEmulationRequest = z.strictObject({
  profile_id: uuid("profile_id").meta({ description: "The TA whose view to take" }),
  reason: z.string().trim().min(1).max(500).optional().meta({ description: "Why, for the audit trail" }),
});

export const endEmulationRequest = z.strictObject({});

export const emulationResponse = z
  .object({
    emulation_id: z.string(),
    admin_profile_id: z.string(),
    target_profile_id: z.string(),
    target_name: z.string(),
    started_at: timestamp,
    ended_at: timestamp.nullable(),
  })
  .meta({ id: "EmulationResponse" });
export type EmulationResponse = z.infer<typeof emulationResponse>;
