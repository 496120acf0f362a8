// POST /system/refresh (client-safe).
import { z } from "zod";
import { timestamp } from "@/lib/api/common-schemas";

export const refreshRequest = z.strictObject({}).meta({ id: "RefreshRequest" });
export type RefreshRequest = z.infer<typeof refreshRequest>;

export const refreshAction = z
  .enum(["refresh_materialized_view_concurrently", "refresh_materialized_view", "analyze"])
  .meta({ description: "What was run on the object" });

export const refreshResponse = z
  .object({
    refreshed: z
      .array(
        z.object({
          name: z.string().meta({ description: "The materialized view or table" }),
          action: refreshAction,
          duration_ms: z.int().min(0),
        }),
      )
      .meta({ description: "Every object refreshed, in the order it was done" }),
    duration_ms: z.int().min(0).meta({ description: "Wall time of the whole refresh" }),
    refreshed_at: timestamp,
  })
  .meta({ id: "RefreshResponse" });
export type RefreshResponse = z.infer<typeof refreshResponse>;
