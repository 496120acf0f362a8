import { defineEndpoint } from "@/lib/contract/endpoint";
import { getSessionRequestSchema, getSessionResponseSchema, listSessionsRequestSchema, listSessionsResponseSchema } from "./schemas";

export const sessionsEndpoint = defineEndpoint({
  command: "sessions",
  path: "/system/sessions",
  summary: "List sessions (paginated) with their usage and problem counts",
  description:
    "Sessions of the profiles you may see, with group, run, chat, attempt and message counts, tokens, exact cost and problem counts. Filter by the activity filters (the window applies to session_created_at), active and profile_id; sort by any sort_by key (ties broken by session_id).",
  tag: "Sessions",
  body: listSessionsRequestSchema,
  response: listSessionsResponseSchema,
  access: ["admin", "coordinator", "ta"],
});

export const sessionEndpoint = defineEndpoint({
  command: "session",
  path: "/system/session",
  summary: "One session: header, groups, problems and a chronological timeline",
  description:
    "A session's detail. A session that does not exist, or that you may not see, answers 200 with session_exists: false and empty groups and timeline.",
  tag: "Sessions",
  body: getSessionRequestSchema,
  response: getSessionResponseSchema,
  access: ["admin", "coordinator", "ta"],
  auditRead: {
    entry: (request) => ({ action: "session.read", target_type: "session", target_id: request.session_id }),
    disclosed: (answer) => answer.session_exists,
  },
});
