// The /sessions page's URL, parsed into the list request (client-safe). Every value falls back to
// its default when it is missing or invalid, so a hand-edited or stale bookmark still renders.
import { z } from "zod";
import { sortOrder, type taRole, uuid } from "@/lib/api/common-schemas";
import {
  allParams,
  cursorParam,
  dateWindowParams,
  facetParams,
  firstParam,
  pageParam,
  pageSizeParam,
  validItems,
  type RawSearchParams,
} from "@/lib/search-params";
import { sessionSortKey, sessionStatus, type ListSessionsRequest, type SessionStatus } from "./schemas";

export const failedRunsFilter = z.enum(["all", "with", "without"]);
export type FailedRunsFilter = z.infer<typeof failedRunsFilter>;

// Links made before sessions had a status said active=active or active=ended.
const statusesOfLegacyActive: Record<string, SessionStatus[]> = { active: ["active", "idle"], ended: ["completed", "aborted", "expired"] };

export interface SessionSearchParams {
  page: number;
  page_size: number;
  sort_by: z.infer<typeof sessionSortKey>;
  sort_order: z.infer<typeof sortOrder>;
  status: SessionStatus[];
  tags: string[];
  tags_match: "any" | "all";
  failed_runs: FailedRunsFilter;
  date_from?: string;
  date_to?: string;
  department_ids: string[];
  roles: z.infer<typeof taRole>[];
  profile_id?: string;
  /** Only the sessions an agent ran in (linked from an agent's page), at one of its versions. */
  agent_id?: string;
  agent_version?: number;
  /** Keyset position of the page (from the previous page's next/prev link); page is then its number. */
  cursor?: string;
  /** Column ids hidden by the column chooser. */
  hide: string[];
}

export function parseSessionSearchParams(raw: RawSearchParams): SessionSearchParams {
  const sort = {
    sort_by: sessionSortKey.catch("session_created_at").parse(firstParam(raw, "sort_by")),
    sort_order: sortOrder.catch("desc").parse(firstParam(raw, "sort_order")),
  };
  return {
    page: pageParam.parse(firstParam(raw, "page")),
    page_size: pageSizeParam.parse(firstParam(raw, "page_size")),
    ...sort,
    cursor: cursorParam(raw, sort),
    status: statusParam(raw),
    tags: validItems(allParams(raw, "tags"), z.string().min(1).max(100), 20),
    tags_match: z.enum(["any", "all"]).catch("any").parse(firstParam(raw, "tags_match")),
    failed_runs: failedRunsFilter.catch("all").parse(firstParam(raw, "failed_runs")),
    ...dateWindowParams(raw),
    ...facetParams(raw),
    profile_id: uuid("profile_id").optional().catch(undefined).parse(firstParam(raw, "profile_id")),
    ...agentParams(raw),
    hide: validItems(allParams(raw, "hide"), z.string().min(1).max(40), 30),
  };
}

/** An agent and, only with it, one of its versions. */
function agentParams(raw: RawSearchParams): { agent_id?: string; agent_version?: number } {
  const agent_id = uuid("agent_id").optional().catch(undefined).parse(firstParam(raw, "agent_id"));
  if (!agent_id) return {};
  const agent_version = z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined).parse(firstParam(raw, "agent_version"));
  return agent_version === undefined ? { agent_id } : { agent_id, agent_version };
}

function statusParam(raw: RawSearchParams): SessionStatus[] {
  const statuses = validItems(allParams(raw, "status"), sessionStatus, 5);
  if (statuses.length > 0) return statuses;
  return statusesOfLegacyActive[firstParam(raw, "active") ?? ""] ?? [];
}

/** The body of POST /system/sessions for the page's state: the same request the API would get. */
export function toListSessionsRequest(params: SessionSearchParams): ListSessionsRequest {
  return {
    page: params.page,
    page_size: params.page_size,
    sort_by: params.sort_by,
    sort_order: params.sort_order,
    cursor: params.cursor,
    status: params.status.length ? params.status : undefined,
    tags: params.tags.length ? params.tags : undefined,
    tags_match: params.tags.length && params.tags_match === "all" ? "all" : undefined,
    has_failed_runs: params.failed_runs === "all" ? undefined : params.failed_runs === "with",
    profile_id: params.profile_id,
    agent_id: params.agent_id,
    agent_version: params.agent_version,
    date_from: params.date_from,
    date_to: params.date_to,
    department_ids: params.department_ids.length ? params.department_ids : undefined,
    roles: params.roles.length ? params.roles : undefined,
  };
}

/**
 * The part of the filters /system/export understands: the activity filters. Active and TA have no
 * export equivalent, which is why the export button says what it covers.
 */
export function toExportFilters(params: Pick<SessionSearchParams, "date_from" | "date_to" | "department_ids" | "roles">) {
  return {
    date_from: params.date_from,
    date_to: params.date_to,
    department_ids: params.department_ids.length ? params.department_ids : undefined,
    roles: params.roles.length ? params.roles : undefined,
  };
}
