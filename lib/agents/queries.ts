import "server-only";
// The agents list and one agent: the agents themselves through Prisma, their usage from the agent
// rollups (./sql.ts), the agent's sessions from the session list itself (audited there).
import type { Actor } from "@/lib/auth/actor";
import { summarySource } from "@/lib/auth/profile-set";
import { dateWindow, pageInfo } from "@/lib/api/common-schemas";
import { prisma } from "@/lib/db";
import { decimalString } from "@/lib/format/decimal";
import { Prisma } from "@/lib/generated/prisma/client";
import { listSessions } from "@/lib/sessions/queries";
import { listSessionsRequestSchema } from "@/lib/sessions/schemas";
import { compareAgents } from "./order";
import type { AgentDay, AgentListItem, GetAgentRequest, GetAgentResponse, ListAgentsRequest, ListAgentsResponse } from "./schemas";
import { agentLastUsed, agentUsage, type AgentUsageFilter, type AgentUsageRow } from "./sql";

type UsageFields = Omit<AgentDay, "day">;

function usageFields(row: AgentUsageRow | undefined): UsageFields {
  if (!row) {
    return {
      session_count: 0,
      run_count: 0,
      failed_run_count: 0,
      input_tokens: 0,
      output_tokens: 0,
      total_tokens: 0,
      total_cost: "0",
      avg_response_ms: null,
      error_rate: null,
    };
  }
  const input = Number(row.input_tokens);
  const output = Number(row.output_tokens);
  return {
    session_count: row.sessions,
    run_count: row.runs,
    failed_run_count: row.failed_runs,
    input_tokens: input,
    output_tokens: output,
    total_tokens: input + output,
    total_cost: decimalString(new Prisma.Decimal(row.cost)),
    avg_response_ms: row.timed_runs > 0 ? Math.round(Number(row.response_ms_total) / row.timed_runs) : null,
    error_rate: row.runs > 0 ? Math.round((row.failed_runs / row.runs) * 10_000) / 10_000 : null,
  };
}

async function usageFilter(actor: Actor, body: Omit<GetAgentRequest, "agent_id" | "sessions">, agentId?: string): Promise<AgentUsageFilter> {
  const { from, toExclusive } = dateWindow(body);
  return { source: await summarySource(actor, body), window: { from, to: toExclusive }, modelIds: body.model_ids ?? null, agentId };
}

const agentSelect = {
  id: true,
  name: true,
  kind: true,
  description: true,
  versions: { select: { version: true }, orderBy: { version: "desc" as const }, take: 1 },
};

type AgentRow = Prisma.AgentGetPayload<{ select: typeof agentSelect }>;

function listItem(agent: AgentRow, usage: AgentUsageRow | undefined, lastUsed: Date | undefined): AgentListItem {
  return {
    agent_id: agent.id,
    name: agent.name,
    kind: agent.kind,
    description: agent.description,
    current_version: agent.versions[0]?.version ?? 1,
    ...usageFields(usage),
    last_used_at: lastUsed?.toISOString() ?? null,
  };
}

/** An agent's name, for a filter that names it; null for an unknown id. */
export async function agentName(agentId: string): Promise<string | null> {
  return (await prisma.agent.findUnique({ where: { id: agentId }, select: { name: true } }))?.name ?? null;
}

/** The models a usage filter offers (every model: a model filter narrows runs, not people). */
export async function modelOptions(): Promise<{ value: string; label: string }[]> {
  const models = await prisma.model.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
  return models.map((model) => ({ value: model.id, label: model.name }));
}

export async function listAgents(actor: Actor, body: ListAgentsRequest): Promise<ListAgentsResponse> {
  const dataAsOf = new Date().toISOString();
  const filter = await usageFilter(actor, body);
  const [agents, usage, lastUsed] = await Promise.all([
    prisma.agent.findMany({ where: body.kind ? { kind: body.kind } : {}, select: agentSelect }),
    agentUsage(filter),
    agentLastUsed(filter),
  ]);
  const byAgent = new Map(usage.map((row) => [row.agent_id, row]));
  const items = agents.map((agent) => listItem(agent, byAgent.get(agent.id), lastUsed.get(agent.id)));
  items.sort(compareAgents(body.sort_by, body.sort_order));
  const start = (body.page - 1) * body.page_size;
  return { items: items.slice(start, start + body.page_size), ...pageInfo(body.page, body.page_size, items.length), data_as_of: dataAsOf };
}

export async function getAgent(actor: Actor, body: GetAgentRequest): Promise<GetAgentResponse> {
  const dataAsOf = new Date().toISOString();
  const agent = await prisma.agent.findUnique({
    where: { id: body.agent_id },
    select: {
      ...agentSelect,
      versions: { orderBy: { version: "desc" }, include: { model: { select: { name: true } } } },
    },
  });
  if (!agent) return { agent_exists: false, agent: null, versions: [], usage_per_day: [], sessions: null, data_as_of: dataAsOf };

  const filter = await usageFilter(actor, body, agent.id);
  const sessionsRequest = { ...(body.sessions ?? listSessionsRequestSchema.parse({})), agent_id: agent.id };
  const [totals, perDay, lastUsed, sessions] = await Promise.all([
    agentUsage(filter),
    agentUsage(filter, true),
    agentLastUsed(filter),
    listSessions(actor, sessionsRequest),
  ]);
  // A persona's prompt is what the TA trains against: TAs see the versions, not the prompts.
  const showPrompt = actor.access_level !== "ta";
  return {
    agent_exists: true,
    agent: listItem(agent, totals[0], lastUsed.get(agent.id)),
    versions: agent.versions.map((version) => ({
      version: version.version,
      created_at: version.created_at.toISOString(),
      model_id: version.model_id,
      model_name: version.model?.name ?? null,
      prompt: showPrompt ? version.prompt : null,
      temperature: version.temperature === null ? null : version.temperature.toFixed(),
      change_note: version.change_note,
    })),
    usage_per_day: perDay.map((row) => ({ day: row.day ?? "", ...usageFields(row) })),
    sessions,
    data_as_of: dataAsOf,
  };
}
