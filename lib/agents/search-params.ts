// The Agents pages' URLs (client-safe), with the same parameter names and fallbacks as every other
// list: an invalid value falls back to its default, so a stale link still opens the page.
import type { z } from "zod";
import { sortOrder, uuid } from "@/lib/api/common-schemas";
import {
  allParams,
  dateWindowParams,
  facetParams,
  firstParam,
  pageParam,
  pageSizeParam,
  validItems,
  type RawSearchParams,
} from "@/lib/search-params";
import { agentKind, agentSortKey, type AgentSortKey, type GetAgentRequest, type ListAgentsRequest } from "./schemas";

/** The usage filters both pages share: a window, departments and models. */
export interface AgentUsageParams {
  date_from?: string;
  date_to?: string;
  department_ids: string[];
  model_ids: string[];
}

export interface AgentsPageParams extends AgentUsageParams {
  page: number;
  page_size: number;
  sort_by: AgentSortKey;
  sort_order: "asc" | "desc";
  kind?: z.infer<typeof agentKind>;
}

function usageParams(raw: RawSearchParams): AgentUsageParams {
  return {
    ...dateWindowParams(raw),
    department_ids: facetParams(raw).department_ids,
    model_ids: validItems(allParams(raw, "model_ids"), uuid("model_ids"), 50),
  };
}

export function parseAgentsSearchParams(raw: RawSearchParams): AgentsPageParams {
  return {
    page: pageParam.parse(firstParam(raw, "page")),
    page_size: pageSizeParam.parse(firstParam(raw, "page_size")),
    sort_by: agentSortKey.catch("total_cost").parse(firstParam(raw, "sort_by")),
    sort_order: sortOrder.catch("desc").parse(firstParam(raw, "sort_order")),
    kind: agentKind.optional().catch(undefined).parse(firstParam(raw, "kind")),
    ...usageParams(raw),
  };
}

export const parseAgentSearchParams = usageParams;

function usageRequest(params: AgentUsageParams) {
  return {
    date_from: params.date_from,
    date_to: params.date_to,
    department_ids: params.department_ids.length ? params.department_ids : undefined,
    model_ids: params.model_ids.length ? params.model_ids : undefined,
  };
}

export function toListAgentsRequest(params: AgentsPageParams): ListAgentsRequest {
  return {
    page: params.page,
    page_size: params.page_size,
    sort_by: params.sort_by,
    sort_order: params.sort_order,
    kind: params.kind,
    ...usageRequest(params),
  };
}

/** Sessions shown on an agent's page: the newest few, with a link to all of them on /sessions. */
export const agentPageSessions = 10;

/** The usage filters a session list also knows (sessions have no model): its window is the sessions' start. */
export function sessionFiltersOf(params: AgentUsageParams): Pick<AgentUsageParams, "date_from" | "date_to"> & { department_ids?: string[] } {
  return {
    date_from: params.date_from,
    date_to: params.date_to,
    department_ids: params.department_ids.length ? params.department_ids : undefined,
  };
}

export function toGetAgentRequest(agentId: string, params: AgentUsageParams): GetAgentRequest {
  return {
    agent_id: agentId,
    ...usageRequest(params),
    sessions: {
      page: 1,
      page_size: agentPageSessions,
      sort_by: "session_created_at",
      sort_order: "desc",
      agent_id: agentId,
      ...sessionFiltersOf(params),
    },
  };
}

/** /sessions with the agent and the filters its page was showing. */
export function agentSessionsHref(agentId: string, params: AgentUsageParams): string {
  const query = new URLSearchParams({ agent_id: agentId });
  const filters = sessionFiltersOf(params);
  if (filters.date_from) query.set("date_from", filters.date_from);
  if (filters.date_to) query.set("date_to", filters.date_to);
  for (const department of filters.department_ids ?? []) query.append("department_ids", department);
  return `/sessions?${query.toString()}`;
}
