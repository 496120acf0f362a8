import { defineEndpoint } from "@/lib/contract/endpoint";
import { refreshRequest, refreshResponse } from "./schemas";

export const refreshEndpoint = defineEndpoint({
  command: "refresh",
  path: "/system/refresh",
  summary: "Refresh what the summaries are computed from",
  description:
    "Refreshes every materialized view in the database (CONCURRENTLY when the view is populated and has a unique index) and then runs ANALYZE on the tables the summaries read, so the planner's statistics are current. Answers exactly what ran and how long each step took. Admins only.",
  tag: "Maintenance",
  body: refreshRequest,
  response: refreshResponse,
  access: ["admin"],
});
