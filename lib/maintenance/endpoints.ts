import { defineEndpoint } from "@/lib/contract/endpoint";
import { refreshRequest, refreshResponse } from "./schemas";

export const refreshEndpoint = defineEndpoint({
  command: "refresh",
  path: "/system/refresh",
  summary: "Refresh the precomputed summaries and the planner's statistics",
  description:
    "Re-derives every kept summary (per-session and per-group totals, the daily and monthly activity and usage rollups) from the base tables and repairs any drift without blocking writers, refreshes every materialized view (CONCURRENTLY when the view is populated and has a unique index), then runs ANALYZE on the tables the summaries read. Answers exactly what ran, what was repaired and how long each step took. Admins only. The summaries are kept current by every write, so this is only needed after a bulk load that bypassed the triggers.",
  tag: "Maintenance",
  body: refreshRequest,
  response: refreshResponse,
  access: ["admin"],
});
