import "server-only";
import { pageInfo } from "@/lib/api/common-schemas";
import type { Actor } from "@/lib/auth/actor";
import { visibleSessions } from "@/lib/auth/scope";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { sessionProblems } from "@/lib/problems/queries";
import type {
  ArtifactSessionGroup,
  GetSessionRequest,
  GetSessionResponse,
  ListSessionsRequest,
  ListSessionsResponse,
} from "./schemas";
import { countSessions, sessionListRows } from "./sql";
import { sessionTimeline } from "./timeline-sql";

/** Exact decimal string without exponent or trailing zeros; "0" for none. */
function formatMoney(value: Prisma.Decimal | null | undefined): string {
  return value ? value.toFixed() : "0";
}

export async function listSessions(actor: Actor, body: ListSessionsRequest): Promise<ListSessionsResponse> {
  const [total, rows] = await Promise.all([countSessions(actor, body), sessionListRows(actor, body)]);
  return {
    items: rows.map((row) => ({
      ...row,
      session_created_at: row.session_created_at.toISOString(),
      session_updated_at: row.session_updated_at.toISOString(),
      ended_at: row.ended_at?.toISOString() ?? null,
      total_tokens: Number(row.total_tokens),
      total_cost: formatMoney(row.total_cost),
    })),
    ...pageInfo(body.page, body.page_size, total),
  };
}

export async function getSessionDetail(actor: Actor, body: GetSessionRequest): Promise<GetSessionResponse> {
  const session = await prisma.session.findFirst({
    where: { AND: [{ id: body.session_id }, visibleSessions(actor)] },
    include: { profile: { select: { name: true, department_id: true, department: { select: { name: true } } } } },
  });
  if (!session) return missingSession(actor, body.session_id);

  const [groups, timeline, problems] = await Promise.all([
    sessionGroups(session.id),
    sessionTimeline(session.id),
    sessionProblems(session.id),
  ]);
  const totalCost = groups.reduce((sum, group) => sum.plus(group.cost), new Prisma.Decimal(0));
  return {
    session_exists: true,
    actor_name: actor.name,
    session_id: session.id,
    profile_id: session.profile_id,
    profile_name: session.profile.name,
    title: session.title,
    department_id: session.profile.department_id,
    department_name: session.profile.department?.name ?? null,
    session_created_at: session.created_at.toISOString(),
    session_updated_at: session.updated_at.toISOString(),
    ended_at: session.ended_at?.toISOString() ?? null,
    active: session.active,
    run_count: groups.reduce((sum, group) => sum + group.item.run_count, 0),
    total_tokens: groups.reduce((sum, group) => sum + group.item.total_tokens, 0),
    total_cost: formatMoney(totalCost),
    groups: groups.map((group) => group.item),
    timeline,
    problems,
  };
}

function missingSession(actor: Actor, sessionId: string): GetSessionResponse {
  return {
    session_exists: false,
    actor_name: actor.name,
    session_id: sessionId,
    profile_id: null,
    profile_name: null,
    title: null,
    department_id: null,
    department_name: null,
    session_created_at: null,
    session_updated_at: null,
    ended_at: null,
    active: null,
    run_count: 0,
    total_tokens: 0,
    total_cost: "0",
    groups: [],
    timeline: [],
    problems: [],
  };
}

async function sessionGroups(sessionId: string): Promise<Array<{ item: ArtifactSessionGroup; cost: Prisma.Decimal }>> {
  const [groups, runs] = await Promise.all([
    prisma.group.findMany({ where: { session_id: sessionId }, orderBy: [{ created_at: "asc" }, { id: "asc" }] }),
    prisma.run.groupBy({
      by: ["group_id"],
      where: { group: { session_id: sessionId } },
      _count: { _all: true },
      _sum: { input_tokens: true, output_tokens: true, cost: true },
      _min: { created_at: true },
      _max: { created_at: true },
    }),
  ]);
  const byGroup = new Map(runs.map((row) => [row.group_id, row]));
  return groups.map((group) => {
    const agg = byGroup.get(group.id);
    const cost = agg?._sum.cost ?? new Prisma.Decimal(0);
    return {
      cost,
      item: {
        group_id: group.id,
        group_name: group.name,
        group_created_at: group.created_at.toISOString(),
        first_run_at: agg?._min.created_at?.toISOString() ?? null,
        last_run_at: agg?._max.created_at?.toISOString() ?? null,
        run_count: agg?._count._all ?? 0,
        total_tokens: (agg?._sum.input_tokens ?? 0) + (agg?._sum.output_tokens ?? 0),
        total_cost: formatMoney(cost),
      },
    };
  });
}
