import { defineEndpoint } from "@/lib/contract/endpoint";
import { dashboardRequestSchema, dashboardResponseSchema, followUpRequestSchema, followUpResponseSchema } from "./schemas";

export const dashboardEndpoint = defineEndpoint({
  command: "dashboard",
  path: "/system/dashboard",
  summary: "Dashboard: KPIs against the previous period, day and week series, newest open problems",
  description:
    "For the profiles you may see that match the filters: sessions, active TAs, sign-ins, emulations, tokens, exact cost and open problems in the window and in the previous window of equal length; sessions per day, tokens and cost per day by model, cost by department and active TAs per ISO week (UTC, empty days as zeros); and the newest open problems. An empty body means the last 30 days.",
  tag: "Activity",
  body: dashboardRequestSchema,
  response: dashboardResponseSchema,
  access: ["admin", "coordinator", "ta"],
});

export const followUpEndpoint = defineEndpoint({
  command: "follow_up",
  path: "/system/follow_up",
  summary: "Who needs follow-up: idle TAs and TAs with open problems",
  description:
    "The enabled TAs you may see, matching the filters, who have had no session in idle_days (counting from when they joined if they never had one) or who have unresolved problems, with their newest session and open problem count.",
  tag: "Activity",
  body: followUpRequestSchema,
  response: followUpResponseSchema,
  access: ["admin", "coordinator", "ta"],
});
