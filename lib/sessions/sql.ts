import "server-only";
// The session list in SQL: every sort key is a column of session_stats with an index on
// (column, session_id), so a page is an index walk over the matching sessions, whatever the key,
// and the total comes from the daily and monthly rollups (lib/summaries). Only the page's
// sessions are then joined to their owner and department.
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { windowSql } from "@/lib/auth/profile-set";
import type { PageFetch } from "@/lib/summaries/list-page";
import { orderedPage, type SortColumn } from "@/lib/summaries/ordered-page";
import { activityParts, countSource, profileIn, type SummarySource } from "@/lib/summaries/rollup-sql";
import { splitWindow } from "@/lib/summaries/window";
import { dateWindow } from "@/lib/api/common-schemas";
import { boundedCount, type BoundedCount } from "@/lib/summaries/bounded-count";
import type { ListSessionsRequest, SessionAgent, SessionSortKey, SessionStatus } from "./schemas";

export interface SessionListRow {
  id: string;
  sort_value: string | null;
  session_id: string;
  profile_id: string;
  profile_name: string;
  title: string | null;
  tags: string[];
  department_id: string | null;
  department_name: string | null;
  session_created_at: Date;
  session_updated_at: Date;
  ended_at: Date | null;
  active: boolean;
  group_count: number;
  run_count: number;
  chat_count: number;
  attempt_count: number;
  message_count: number;
  total_tokens: bigint;
  total_cost: Prisma.Decimal;
  problem_count: number;
  open_problem_count: number;
  status: SessionStatus;
  failed_run_count: number;
  avg_response_ms: number | null;
  agents: SessionAgent[];
}

export const sessionSortColumns: Record<SessionSortKey, SortColumn> = {
  session_created_at: { column: "created_at", cast: "timestamptz" },
  session_updated_at: { column: "updated_at", cast: "timestamptz" },
  profile_name: { column: "profile_name", cast: "text" },
  group_count: { column: "group_count", cast: "int" },
  run_count: { column: "run_count", cast: "int" },
  chat_count: { column: "chat_count", cast: "int" },
  attempt_count: { column: "attempt_count", cast: "int" },
  message_count: { column: "message_count", cast: "int" },
  total_tokens: { column: "total_tokens", cast: "bigint" },
  total_cost: { column: "total_cost", cast: "numeric" },
  problem_count: { column: "problem_count", cast: "int" },
  title: { column: "title", cast: "text", nullable: true },
  ended_at: { column: "ended_at", cast: "timestamptz", nullable: true },
  status: { column: "status", cast: "session_status" },
  avg_response_ms: { column: "avg_response_ms", cast: "int", nullable: true },
};

/** The request's filters on session_stats `x`; `profileIds` is the resolved profile set (null: all). */
function matching(profileIds: readonly string[] | null, body: ListSessionsRequest, agentJoined = false): Prisma.Sql {
  const clauses = [profileIn(Prisma.sql`x.profile_id`, profileIds), windowSql(Prisma.sql`x.created_at`, body)];
  if (body.active !== undefined) clauses.push(Prisma.sql`x.active = ${body.active}`);
  if (body.profile_id) clauses.push(Prisma.sql`x.profile_id = ${body.profile_id}::uuid`);
  clauses.push(...unkeptFilters(body, agentJoined));
  return Prisma.join(clauses, " AND ");
}

/**
 * The filters the rollups keep no count for: with any of them, the total is a bounded count.
 * `agentJoined`: the agent's session_agents row is joined as `sa` already.
 */
function unkeptFilters(body: ListSessionsRequest, agentJoined = false): Prisma.Sql[] {
  const clauses: Prisma.Sql[] = [];
  if (body.status) clauses.push(Prisma.sql`x.status = ANY(${body.status}::"SessionStatus"[])`);
  if (body.tags) clauses.push(body.tags_match === "all" ? Prisma.sql`x.tags @> ${body.tags}::text[]` : Prisma.sql`x.tags && ${body.tags}::text[]`);
  if (body.has_failed_runs !== undefined)
    clauses.push(body.has_failed_runs ? Prisma.sql`x.failed_run_count > 0` : Prisma.sql`x.failed_run_count = 0`);
  if (body.agent_id) {
    const version = body.agent_version === undefined ? Prisma.empty : Prisma.sql`AND ${body.agent_version}::int = ANY(sa.versions)`;
    clauses.push(
      agentJoined
        ? Prisma.sql`sa.agent_id = ${body.agent_id}::uuid ${version}`
        : Prisma.sql`EXISTS (SELECT 1 FROM session_agents sa WHERE sa.session_id = x.session_id AND sa.agent_id = ${body.agent_id}::uuid ${version})`,
    );
  }
  return clauses;
}

export function sessionListRows(profileIds: readonly string[] | null, body: ListSessionsRequest, page: PageFetch): Promise<SessionListRow[]> {
  const sort = sessionSortColumns[body.sort_by];
  const dir = Prisma.raw(page.order.descending ? "DESC" : "ASC");
  const nulls = Prisma.raw(page.order.nullsFirst ? "NULLS FIRST" : "NULLS LAST");
  const ordered = orderedPage({ table: "session_stats", idColumn: "session_id", sort, where: matching(profileIds, body), ...page });
  return prisma.$queryRaw<SessionListRow[]>`
    WITH page AS MATERIALIZED (${ordered})
    SELECT page.id::text AS id, page.sort_value::text AS sort_value, ss.session_id::text AS session_id, ss.profile_id::text AS profile_id,
           p.name AS profile_name, s.title, s.tags, p.department_id, d.name AS department_name,
           s.created_at AS session_created_at, s.updated_at AS session_updated_at, s.ended_at, s.active,
           ss.group_count, ss.run_count, ss.chat_count, ss.attempt_count, ss.message_count, ss.total_tokens, ss.total_cost,
           ss.problem_count, ss.open_problem_count, ss.status::text AS status, ss.failed_run_count, ss.avg_response_ms,
           ${agentsUsedSql(Prisma.sql`page.id`)} AS agents
    FROM page
    JOIN session_stats ss ON ss.session_id = page.id
    JOIN sessions s ON s.id = page.id
    JOIN profiles p ON p.id = s.profile_id
    LEFT JOIN departments d ON d.id = p.department_id
    ORDER BY page.sort_value ${dir} ${nulls}, page.id ${dir}`;
}

/** The agents that ran in a session, as the JSON array of SessionAgent (a primary-key range read). */
export function agentsUsedSql(sessionId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT coalesce(json_agg(json_build_object('agent_id', a.id, 'name', a.name, 'kind', a.kind, 'versions', sa.versions, 'run_count', sa.run_count)
                             ORDER BY a.name, a.id), '[]'::json)
    FROM session_agents sa JOIN agents a ON a.id = sa.agent_id WHERE sa.session_id = ${sessionId})`;
}

/**
 * How many sessions match, from the rollups: whole months and days are summed from kept counts,
 * sub-day edges of the window counted live. Filters the rollups keep nothing for (status, tags,
 * failed runs, agents) are counted on session_stats, exactly up to a bound (lib/summaries/bounded-count.ts).
 */
export async function countSessions(profileIds: readonly string[] | null, summary: SummarySource, body: ListSessionsRequest): Promise<BoundedCount> {
  if (body.agent_id) return countAgentSessions(profileIds, body, body.agent_id);
  if (unkeptFilters(body).length > 0) return boundedCount("session_stats", matching(profileIds, body));
  const source = countSource(profileIds, summary, body.profile_id);
  const { from, toExclusive } = dateWindow(body);
  const counted =
    body.active === undefined ? Prisma.sql`a.sessions` : body.active ? Prisma.sql`a.active_sessions` : Prisma.sql`a.sessions - a.active_sessions`;
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT coalesce(sum(${counted}), 0)::int AS n FROM (${activityParts(splitWindow({ from, to: toExclusive }), source, ["sessions", "active_sessions"])}) a`;
  return { count: row?.n ?? 0, estimate: false };
}

/**
 * Sessions of an agent, counted from its session_agents rows (per owner, by index): on those rows
 * alone when the other filters are about the owner, joined to the sessions' stats otherwise.
 */
function countAgentSessions(profileIds: readonly string[] | null, body: ListSessionsRequest, agentId: string): Promise<BoundedCount> {
  const ownerOnly = !body.date_from && !body.date_to && body.active === undefined && !body.status && !body.tags && body.has_failed_runs === undefined;
  const version = body.agent_version === undefined ? Prisma.sql`TRUE` : Prisma.sql`${body.agent_version}::int = ANY(sa.versions)`;
  const owner = Prisma.sql`${profileIn(Prisma.sql`sa.profile_id`, profileIds)} AND ${body.profile_id ? Prisma.sql`sa.profile_id = ${body.profile_id}::uuid` : Prisma.sql`TRUE`}`;
  if (ownerOnly)
    return boundedCount("session_stats", Prisma.sql`sa.agent_id = ${agentId}::uuid AND ${version} AND ${owner}`, Prisma.sql`session_agents sa`);
  const joined = Prisma.sql`session_agents sa JOIN session_stats x ON x.session_id = sa.session_id`;
  return boundedCount("session_stats", Prisma.sql`${owner} AND ${matching(profileIds, body, true)}`, joined);
}
