// POST /system/agents and POST /system/agent: request and response schemas (client-safe).
import { z } from "zod";
import { activityFilters, checkDateWindow, money, paginatedResponse, paginationRequest, sortOrder, timestamp, uuid } from "@/lib/api/common-schemas";
import { listSessionsRequestSchema, listSessionsResponseSchema } from "@/lib/sessions/schemas";

export const agentKind = z.enum(["student_persona", "grader", "assistant"]).meta({
  id: "AgentKind",
  description: "student_persona: a simulated student the TA talks to; grader: scores attempts; assistant: coaches the TA",
});

/** Date window, department, role and model: what both agent endpoints filter their usage by. */
const usageFilters = {
  ...activityFilters,
  model_ids: z
    .array(uuid("model_ids[]"))
    .min(1, "model_ids needs at least one model")
    .max(50)
    .optional()
    .meta({ description: "Only runs on these models" }),
};

export const agentSortKey = z
  .enum(["name", "kind", "session_count", "run_count", "total_tokens", "total_cost", "avg_response_ms", "error_rate", "last_used_at"])
  .meta({
    id: "AgentSortKey",
    description:
      "Column to sort by; ties by name, then agent_id. Agents without runs (null avg_response_ms, error_rate, last_used_at) sort last either way",
  });
export type AgentSortKey = z.infer<typeof agentSortKey>;

export const listAgentsRequest = z
  .strictObject({
    ...paginationRequest,
    sort_by: agentSortKey.default("total_cost"),
    sort_order: sortOrder.default("desc"),
    kind: agentKind.optional().meta({ description: "Only agents of this kind" }),
    ...usageFilters,
  })
  .superRefine(checkDateWindow)
  .meta({
    id: "ListAgentsRequest",
    description:
      "date_from/date_to window the runs' created_at; department_ids and roles filter the session owner's profile; model_ids the run's model. Every agent is listed, with zeros when none of its runs match.",
  });
export type ListAgentsRequest = z.infer<typeof listAgentsRequest>;

const count = (description: string) => z.int().min(0).meta({ description });

export const agentUsageSchema = {
  session_count: count(
    "Sessions the agent ran in, each counted once: on the day of the agent's first run in it (with model_ids, when that run was on one of them)",
  ),
  run_count: count("The agent's runs"),
  failed_run_count: count("Runs that ended in error (status failed)"),
  input_tokens: count("Input tokens, cached ones included"),
  output_tokens: count("Output tokens"),
  total_tokens: count("input_tokens + output_tokens"),
  total_cost: money.meta({ description: 'Exact dollar cost of the runs, e.g. "12.5"; "0" for none' }),
  avg_response_ms: z.int().min(0).nullable().meta({ description: "Mean duration_ms of the runs that have one, rounded; null when none has" }),
  error_rate: z.number().min(0).max(1).nullable().meta({ description: "failed_run_count / run_count, rounded to 4 decimals; null without runs" }),
  last_used_at: timestamp.nullable().meta({ description: "Start of the agent's latest matching run; null without one" }),
};

export const agentListItem = z
  .object({
    agent_id: uuid("agent_id"),
    name: z.string(),
    kind: agentKind,
    description: z.string().nullable(),
    current_version: z.int().min(1).meta({ description: "The agent's highest version" }),
    ...agentUsageSchema,
  })
  .meta({ id: "AgentListItem" });
export type AgentListItem = z.infer<typeof agentListItem>;

export const listAgentsResponse = paginatedResponse(agentListItem)
  .extend({
    data_as_of: timestamp.meta({ description: "When the numbers were read (summaries are kept current with every write)" }),
  })
  .meta({ id: "ListAgentsResponse" });
export type ListAgentsResponse = z.infer<typeof listAgentsResponse>;

export const getAgentRequest = z
  .strictObject({
    agent_id: uuid("agent_id").meta({ description: "The agent" }),
    ...usageFilters,
    sessions: listSessionsRequestSchema
      .optional()
      .meta({ description: "The page of the agent's sessions to answer: every /system/sessions field; agent_id is this agent's" }),
  })
  .superRefine(checkDateWindow)
  .superRefine((body, ctx) => {
    if (body.sessions?.agent_id !== undefined && body.sessions.agent_id.toLowerCase() !== body.agent_id.toLowerCase()) {
      ctx.addIssue({ code: "custom", path: ["sessions", "agent_id"], message: "sessions.agent_id must be left out or equal agent_id" });
    }
  })
  .meta({
    id: "GetAgentRequest",
    description: "The filters window the usage (totals and per day); the sessions page has its own, as /system/sessions.",
  });
export type GetAgentRequest = z.infer<typeof getAgentRequest>;

export const agentVersionSchema = z
  .object({
    version: z.int().min(1),
    created_at: timestamp.meta({ description: "When the version took effect" }),
    model_id: z.guid().nullable().meta({ description: "The model the version was configured with, as stored; null when not recorded" }),
    model_name: z.string().nullable(),
    prompt: z.string().nullable().meta({ description: "The system prompt as stored; null when not recorded" }),
    temperature: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .nullable()
      .meta({ description: 'Sampling temperature as stored, exact ("0.7"); null when not recorded' }),
    change_note: z.string().nullable().meta({ description: "What changed, in the words of whoever made the version" }),
  })
  .meta({ id: "AgentVersion" });
export type AgentVersionItem = z.infer<typeof agentVersionSchema>;

export const agentDaySchema = z
  .object({
    day: z.iso.date().meta({ description: "UTC day of the runs' start" }),
    ...agentUsageSchema,
  })
  .omit({ last_used_at: true })
  .meta({ id: "AgentDay" });
export type AgentDay = z.infer<typeof agentDaySchema>;

export const getAgentResponse = z
  .object({
    agent_exists: z.boolean().meta({ description: "false when no agent has this id" }),
    agent: agentListItem.nullable(),
    versions: z.array(agentVersionSchema).meta({ description: "Newest first" }),
    usage_per_day: z.array(agentDaySchema).meta({ description: "Days with runs or sessions, oldest first" }),
    sessions: listSessionsResponseSchema
      .nullable()
      .meta({ description: "The requested page of the agent's sessions; null when agent_exists is false" }),
    data_as_of: timestamp,
  })
  .meta({ id: "GetAgentResponse" });
export type GetAgentResponse = z.infer<typeof getAgentResponse>;
