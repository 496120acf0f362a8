import { defineEndpoint } from "@/lib/contract/endpoint";
import { activityRequestSchema, activityResponseSchema } from "./schemas";

export const activityEndpoint = defineEndpoint({
  command: "activity",
  path: "/system/activity",
  summary: "Activity summary: engagement counts and a per-profile breakdown",
  description:
    "Counts sessions, active profiles, sign-in attempts and emulations in the window for the profiles you may see that match the filters, with a per-profile breakdown, profile metadata and filter facets. An empty body means everything.",
  tag: "Activity",
  body: activityRequestSchema,
  response: activityResponseSchema,
  access: ["admin", "coordinator", "ta"],
});
