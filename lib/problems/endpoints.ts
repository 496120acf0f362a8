import { defineEndpoint } from "@/lib/contract/endpoint";
import { listProblemsRequestSchema, listProblemsResponseSchema, resolveProblemRequestSchema, resolveProblemResponseSchema } from "./schemas";

export const problemsEndpoint = defineEndpoint({
  command: "problems",
  path: "/system/problems",
  summary: "List problems flagged on sessions (paginated)",
  description:
    "Problems on the sessions you may see, filterable by resolved state, kind, severity, session, profile and the activity filters (the window applies to created_at), sortable by created_at, updated_at, severity, kind or profile_name.",
  tag: "Activity",
  body: listProblemsRequestSchema,
  response: listProblemsResponseSchema,
  access: ["admin", "coordinator", "ta"],
});

export const resolveProblemEndpoint = defineEndpoint({
  command: "resolve",
  path: "/activity/resolve",
  summary: "Resolve or re-open a problem",
  description:
    "Sets a problem's resolved state and records who resolved it and when (re-opening clears both). Idempotent: asking for the state the problem already has changes nothing and answers the stored values. Writes an audit log entry for every actual change. A problem that does not exist or is outside what you may see answers 404.",
  tag: "Activity",
  body: resolveProblemRequestSchema,
  response: resolveProblemResponseSchema,
  access: ["admin", "coordinator"],
  mutates: true,
});
