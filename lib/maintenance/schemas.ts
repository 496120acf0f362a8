// POST /system/refresh (client-safe).
import { z } from "zod";
import { timestamp } from "@/lib/api/common-schemas";

export const refreshRequest = z.strictObject({}).meta({ id: "RefreshRequest" });
export type RefreshRequest = z.infer<typeof refreshRequest>;

export const refreshAction = z
  .enum(["sweep_session_status", "reconcile_summary", "refresh_materialized_view_concurrently", "refresh_materialized_view", "analyze"])
  .meta({
    description:
      "What was run on the object. sweep_session_status moves open sessions without recent activity to idle or expired (it also runs every minute on its own); reconcile_summary re-derives a kept summary from the base tables and repairs any difference without blocking writers",
  });

const rowCount = z.int().min(0);

export const refreshResponse = z
  .object({
    refreshed: z
      .array(
        z.object({
          name: z.string().meta({ description: "The materialized view or table" }),
          action: refreshAction,
          duration_ms: z.int().min(0),
          repaired: z
            .object({ inserted: rowCount, updated: rowCount, deleted: rowCount })
            .optional()
            .meta({ description: "reconcile_summary only: rows that differed from the base tables and were fixed (all 0 when nothing had drifted)" }),
          pruned: rowCount.optional().meta({ description: "reconcile_summary only: rollup rows left at zero by deletions, removed" }),
          moved: rowCount.optional().meta({ description: "sweep_session_status only: sessions whose status changed" }),
        }),
      )
      .meta({ description: "Every object refreshed, in the order it was done" }),
    duration_ms: z.int().min(0).meta({ description: "Wall time of the whole refresh" }),
    refreshed_at: timestamp,
  })
  .meta({ id: "RefreshResponse" });
export type RefreshResponse = z.infer<typeof refreshResponse>;
