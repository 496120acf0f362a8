import "server-only";
import { auditedRecordRead } from "@/lib/audit/audited-read";
import { auditListRead } from "@/lib/audit/list-read";
import { profileSetIds, profileSetSql, summarySource } from "@/lib/auth/profile-set";
import { pageInfo } from "@/lib/api/common-schemas";
import { decimalString } from "@/lib/format/decimal";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { fetchListPage } from "@/lib/summaries/list-page";
import { Prisma } from "@/lib/generated/prisma/client";
import { sessionProblems } from "@/lib/problems/queries";
import type {
  ArtifactSessionGroup,
  SessionAgent,
  SessionStatus,
  GetSessionRequest,
  GetSessionResponse,
  ListSessionsRequest,
  ListSessionsResponse,
} from "./schemas";
import { sessionEndpoint } from "./endpoints";
import { agentsUsedSql, countSessions, sessionListRows } from "./sql";
import { keepSessionStatusesCurrent } from "./status";
import { sessionTimeline } from "./timeline-sql";

/** One audit row per call: the filters and the people shown (lib/audit/list-read.ts). */
export async function listSessions(actor: Actor, body: ListSessionsRequest): Promise<ListSessionsResponse> {
  keepSessionStatusesCurrent();
  const answer = await listSessionsUnaudited(actor, body);
  await auditListRead(
    actor,
    "sessions.list",
    body,
    answer.items.map((item) => item.profile_id),
  );
  return answer;
}

async function listSessionsUnaudited(actor: Actor, body: ListSessionsRequest): Promise<ListSessionsResponse> {
  const dataAsOf = new Date().toISOString();
  const [profileIds, summary] = await Promise.all([profileSetIds(actor, body), summarySource(actor, body)]);
  // A page number past the first needs the total first: the back half is read from the far end.
  const deep = body.cursor === undefined && body.page > 1;
  const counted = countSessions(profileIds, summary, body);
  const total = deep ? await counted : null;
  const [page, totalCount] = await Promise.all([
    fetchListPage(body, total && !total.estimate ? total.count : null, (fetch) => sessionListRows(profileIds, body, fetch)),
    counted,
  ]);
  return {
    items: page.rows.map(({ id: _id, sort_value: _sortValue, ...row }) => ({
      ...row,
      session_created_at: row.session_created_at.toISOString(),
      session_updated_at: row.session_updated_at.toISOString(),
      ended_at: row.ended_at?.toISOString() ?? null,
      total_tokens: Number(row.total_tokens),
      total_cost: decimalString(row.total_cost),
    })),
    ...pageInfo(body.page, body.page_size, totalCount.count),
    next_cursor: page.next_cursor,
    prev_cursor: page.prev_cursor,
    total_count_is_estimate: totalCount.estimate,
    data_as_of: dataAsOf,
  };
}

/** One session with its groups, timeline and problems. Audited here. */
export function getSessionDetail(actor: Actor, body: GetSessionRequest): Promise<GetSessionResponse> {
  keepSessionStatusesCurrent();
  return auditedRecordRead(actor, sessionEndpoint, body, () => readSessionDetail(actor, body));
}

async function readSessionDetail(actor: Actor, body: GetSessionRequest): Promise<GetSessionResponse> {
  const session = await sessionHeader(actor, body.session_id);
  if (!session) return missingSession(actor, body.session_id);

  const [groups, timeline, problems] = await Promise.all([sessionGroups(session.id), sessionTimeline(session.id), sessionProblems(session.id)]);
  const totalCost = groups.reduce((sum, group) => sum.plus(group.cost), new Prisma.Decimal(0));
  return {
    session_exists: true,
    actor_name: actor.name,
    session_id: session.id,
    profile_id: session.profile_id,
    profile_name: session.profile_name,
    title: session.title,
    tags: session.tags,
    department_id: session.department_id,
    department_name: session.department_name,
    session_created_at: session.created_at.toISOString(),
    session_updated_at: session.updated_at.toISOString(),
    ended_at: session.ended_at?.toISOString() ?? null,
    active: session.active,
    status: session.status,
    failed_run_count: session.failed_run_count,
    avg_response_ms: session.avg_response_ms,
    agents: session.agents,
    run_count: groups.reduce((sum, group) => sum + group.item.run_count, 0),
    total_tokens: groups.reduce((sum, group) => sum + group.item.total_tokens, 0),
    total_cost: decimalString(totalCost),
    groups: groups.map((group) => group.item),
    timeline,
    problems,
  };
}

interface SessionHeaderRow {
  id: string;
  profile_id: string;
  profile_name: string;
  title: string | null;
  tags: string[];
  department_id: string | null;
  department_name: string | null;
  created_at: Date;
  updated_at: Date;
  ended_at: Date | null;
  active: boolean;
  status: SessionStatus;
  failed_run_count: number;
  avg_response_ms: number | null;
  agents: SessionAgent[];
}

/** The session with its owner and department, if the actor may see it: one statement, not three. */
async function sessionHeader(actor: Actor, sessionId: string): Promise<SessionHeaderRow | null> {
  const [row] = await prisma.$queryRaw<SessionHeaderRow[]>`
    SELECT s.id::text AS id, s.profile_id::text AS profile_id, p.name AS profile_name, s.title, s.tags, p.department_id,
           d.name AS department_name, s.created_at, s.updated_at, s.ended_at, s.active, s.status::text AS status,
           ss.failed_run_count, ss.avg_response_ms, ${agentsUsedSql(Prisma.sql`s.id`)} AS agents
    FROM sessions s JOIN session_stats ss ON ss.session_id = s.id JOIN profiles p ON p.id = s.profile_id
    LEFT JOIN departments d ON d.id = p.department_id
    WHERE s.id = ${sessionId}::uuid AND ${profileSetSql(actor, {}, "p")}`;
  return row ?? null;
}

function missingSession(actor: Actor, sessionId: string): GetSessionResponse {
  return {
    session_exists: false,
    actor_name: actor.name,
    session_id: sessionId,
    profile_id: null,
    profile_name: null,
    title: null,
    tags: [],
    department_id: null,
    department_name: null,
    session_created_at: null,
    session_updated_at: null,
    ended_at: null,
    active: null,
    status: null,
    run_count: 0,
    failed_run_count: 0,
    avg_response_ms: null,
    agents: [],
    total_tokens: 0,
    total_cost: "0",
    groups: [],
    timeline: [],
    problems: [],
  };
}

async function sessionGroups(sessionId: string): Promise<Array<{ item: ArtifactSessionGroup; cost: Prisma.Decimal }>> {
  const groups = await prisma.groupStats.findMany({
    where: { session_id: sessionId },
    orderBy: [{ created_at: "asc" }, { group_id: "asc" }],
  });
  return groups.map((group) => ({
    cost: group.total_cost,
    item: {
      group_id: group.group_id,
      group_name: group.group_name,
      group_created_at: group.created_at.toISOString(),
      first_run_at: group.first_run_at?.toISOString() ?? null,
      last_run_at: group.last_run_at?.toISOString() ?? null,
      run_count: group.run_count,
      total_tokens: Number(group.total_tokens),
      total_cost: decimalString(group.total_cost),
    },
  }));
}
