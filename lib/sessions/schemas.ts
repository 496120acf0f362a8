// POST /system/sessions and POST /system/session: request and response schemas (client-safe).
import { z } from "zod";
import { checkCursor, cursorField } from "@/lib/api/cursor";
import {
  activityFilters,
  checkDateWindow,
  keysetPaginatedResponse,
  money,
  paginationRequest,
  sortOrder,
  timestamp,
  uuid,
} from "@/lib/api/common-schemas";
import { problemItemSchema } from "@/lib/problems/schemas";

/** Sort keys of the session list, shared by the dashboard's table and the SQL. */
export const sessionSortKey = z
  .enum([
    "session_created_at",
    "session_updated_at",
    "profile_name",
    "group_count",
    "run_count",
    "chat_count",
    "attempt_count",
    "message_count",
    "total_tokens",
    "total_cost",
    "problem_count",
    "title",
    "ended_at",
    "status",
    "avg_response_ms",
  ])
  .meta({
    id: "SessionSortKey",
    description:
      "Column to sort by; ties are broken by session_id in the same direction. status sorts in lifecycle order (active, idle, completed, aborted, expired); sessions without a title, end or timed run come last either way",
  });
export type SessionSortKey = z.infer<typeof sessionSortKey>;

/** Where a session is in its life; lib/sessions/status.ts holds the rules that move it. */
export const sessionStatus = z
  .enum(["active", "idle", "completed", "aborted", "expired"], { error: "status must be active, idle, completed, aborted or expired" })
  .meta({
    id: "SessionStatus",
    description:
      "active: open, with activity within the idle time (30 min unless GLOW_SESSION_STATUS_IDLE_MINUTES says otherwise). idle: open, no activity since. expired: open, no activity for the expiry time (24 h, GLOW_SESSION_STATUS_EXPIRE_MINUTES). completed / aborted: ended, as the sender said (ingestion's end_status). Activity wakes an idle or expired session.",
  });
export type SessionStatus = z.infer<typeof sessionStatus>;

export const listSessionsRequestSchema = z
  .strictObject({
    ...paginationRequest,
    sort_by: sessionSortKey.default("session_created_at"),
    sort_order: sortOrder.default("desc"),
    active: z.boolean({ error: "active must be a boolean" }).optional().meta({ description: "Only active (true) or only inactive (false) sessions" }),
    profile_id: uuid("profile_id").optional().meta({ description: "Only this profile's sessions" }),
    status: z
      .union([sessionStatus, z.array(sessionStatus).min(1, "status needs at least one value").max(5)])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .optional()
      .meta({ description: "Only sessions with this status, or with any of these" }),
    tags: z
      .array(z.string().min(1, "a tag must not be empty").max(100), { error: "tags must be an array of strings" })
      .min(1, "tags needs at least one tag")
      .max(20)
      .optional()
      .meta({ description: "Only sessions carrying these tags (see tags_match)" }),
    tags_match: z
      .enum(["any", "all"], { error: "tags_match must be any or all" })
      .optional()
      .meta({ description: "any (the default): a session with at least one of tags matches; all: only one with every tag" }),
    has_failed_runs: z
      .boolean({ error: "has_failed_runs must be a boolean" })
      .optional()
      .meta({ description: "Only sessions with (true) or without (false) a run that ended in error" }),
    agent_id: uuid("agent_id").optional().meta({ description: "Only sessions in which this agent ran" }),
    agent_version: z
      .int({ error: "agent_version must be an integer" })
      .min(1, { error: "agent_version starts at 1" })
      .max(1_000_000)
      .optional()
      .meta({ description: "With agent_id: only sessions in which the agent ran at this version" }),
    cursor: cursorField.optional(),
    ...activityFilters,
  })
  .superRefine(checkDateWindow)
  .superRefine(checkCursor)
  .superRefine(checkAgentVersion)
  .meta({
    id: "ListSessionsRequest",
    description:
      "The date window applies to session_created_at; department_ids and roles to the session's owner. With status, tags, has_failed_runs or agent_id, total_count is exact up to 1,000 and estimated above (total_count_is_estimate).",
  });
export type ListSessionsRequest = z.infer<typeof listSessionsRequestSchema>;

/** A version names one agent's version: refused without the agent. */
export function checkAgentVersion(body: { agent_id?: string; agent_version?: number }, ctx: z.RefinementCtx): void {
  if (body.agent_version !== undefined && body.agent_id === undefined) {
    ctx.addIssue({ code: "custom", path: ["agent_version"], message: "agent_version needs agent_id" });
  }
}

const count = (description: string) => z.int().min(0).meta({ description });
const tokens = z.int().min(0).meta({ description: "input_tokens + output_tokens of the runs (cached input tokens are part of input_tokens)" });

/** An agent that ran in a session: which, and at which versions. */
export const sessionAgentSchema = z
  .object({
    agent_id: uuid("agent_id"),
    name: z.string(),
    kind: z.enum(["student_persona", "grader", "assistant"]),
    versions: z.array(z.int().min(1)).meta({ description: "The agent's versions the session's runs used, ascending" }),
    run_count: count("The session's runs by this agent"),
  })
  .meta({ id: "SessionAgent" });
export type SessionAgent = z.infer<typeof sessionAgentSchema>;

const agentsUsed = z.array(sessionAgentSchema).meta({ description: "The agents that ran in the session, by name" });

const runHealth = {
  failed_run_count: count("Runs that ended in error (status failed)"),
  avg_response_ms: z
    .int()
    .min(0)
    .nullable()
    .meta({ description: "Mean duration_ms of the session's runs (runs without a duration not counted), rounded; null when none has one" }),
};

export const sessionListItemSchema = z
  .object({
    session_id: uuid("session_id"),
    profile_id: uuid("profile_id"),
    profile_name: z.string(),
    title: z.string().nullable(),
    tags: z.array(z.string()).meta({ description: "Labels the sending deployment gave the session (ingestion's `tags`), in the order given" }),
    department_id: z.string().nullable(),
    department_name: z.string().nullable(),
    session_created_at: timestamp,
    session_updated_at: timestamp,
    ended_at: timestamp.nullable(),
    active: z.boolean().meta({ description: "Whether the session is currently active: true while status is active or idle" }),
    status: sessionStatus,
    group_count: count("Generation groups in the session"),
    run_count: count("Model runs in the session's groups"),
    chat_count: count("Persona chats in the session"),
    attempt_count: count("Graded attempts in the session"),
    message_count: count("Message rows of the session's runs (context repeated in a later run counts again)"),
    total_tokens: tokens,
    total_cost: money.meta({ description: 'Sum of the runs\' exact dollar costs, e.g. "0.0412"; "0" for none' }),
    problem_count: count("Problems flagged on the session, open or resolved"),
    open_problem_count: count("Problems flagged on the session that are not resolved"),
    ...runHealth,
    agents: agentsUsed,
  })
  .meta({ id: "SessionListItem" });
export type SessionListItem = z.infer<typeof sessionListItemSchema>;

export const listSessionsResponseSchema = keysetPaginatedResponse(sessionListItemSchema).meta({ id: "ListActivityResponse" });
export type ListSessionsResponse = z.infer<typeof listSessionsResponseSchema>;

export const getSessionRequestSchema = z.strictObject({ session_id: uuid("session_id") }).meta({ id: "GetSessionDetailRequest" });
export type GetSessionRequest = z.infer<typeof getSessionRequestSchema>;

export const artifactSessionGroupSchema = z
  .object({
    group_id: uuid("group_id"),
    group_name: z.string(),
    group_created_at: timestamp,
    first_run_at: timestamp.nullable().meta({ description: "Start of the group's first run; null without runs" }),
    last_run_at: timestamp
      .nullable()
      .meta({ description: "End of the group's runs: the latest finish time (or start, for a run still going); null without runs" }),
    run_count: count("Runs in the group"),
    total_tokens: tokens,
    total_cost: money.meta({ description: 'Sum of the runs\' exact dollar costs; "0" for none' }),
  })
  .meta({ id: "ArtifactSessionGroup" });
export type ArtifactSessionGroup = z.infer<typeof artifactSessionGroupSchema>;

export const timelineEventType = z
  .enum([
    "session_started",
    "chat_started",
    "attempt_started",
    "attempt_scored",
    "group_created",
    "run_started",
    "run_finished",
    "run_failed",
    "run_cancelled",
    "problem_flagged",
    "problem_resolved",
    "session_ended",
  ])
  .meta({
    id: "SessionTimelineEventType",
    description:
      "extra_1/extra_2 by type: chat_started (agent name, -), attempt_scored (score, -), run_started (model name, -), run_finished (model name, tokens), run_failed / run_cancelled (model name, error), problem_flagged (kind, severity), problem_resolved (resolver name, -)",
  });

export const sessionTimelineItemSchema = z
  .object({
    event_type: timelineEventType,
    entity_id: uuid("entity_id"),
    entity_name: z.string().nullable().meta({ description: "Session title, chat/attempt/group name, a run's agent, a problem's description" }),
    created_at: timestamp,
    extra_1: z.string().nullable(),
    extra_2: z.string().nullable(),
  })
  .meta({ id: "SessionTimelineItem" });
export type SessionTimelineItem = z.infer<typeof sessionTimelineItemSchema>;

export const getSessionResponseSchema = z
  .object({
    session_exists: z.boolean().meta({ description: "false when the session does not exist or is outside what you may see" }),
    actor_name: z.string().meta({ description: "Your display name" }),
    session_id: uuid("session_id"),
    profile_id: uuid("profile_id").nullable(),
    profile_name: z.string().nullable(),
    title: z.string().nullable(),
    tags: z.array(z.string()).meta({ description: "Labels the sending deployment gave the session; [] when session_exists is false" }),
    department_id: z.string().nullable(),
    department_name: z.string().nullable(),
    session_created_at: timestamp.nullable(),
    session_updated_at: timestamp.nullable(),
    ended_at: timestamp.nullable(),
    active: z.boolean().nullable(),
    status: sessionStatus.nullable(),
    run_count: z.int().min(0),
    failed_run_count: runHealth.failed_run_count,
    avg_response_ms: runHealth.avg_response_ms,
    agents: agentsUsed,
    total_tokens: tokens,
    total_cost: money.meta({ description: "Sum of the groups' total_cost; equals the session's total_cost in /system/sessions" }),
    groups: z.array(artifactSessionGroupSchema).meta({ description: "In creation order" }),
    timeline: z
      .array(sessionTimelineItemSchema)
      .meta({ description: "Chronological; events at the same instant keep their causal order, then entity_id" }),
    problems: z.array(problemItemSchema).meta({ description: "Problems flagged on the session, oldest first" }),
  })
  .meta({ id: "GetSessionDetailResponse" });
export type GetSessionResponse = z.infer<typeof getSessionResponseSchema>;
