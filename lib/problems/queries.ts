import "server-only";
import { auditListRead } from "@/lib/audit/list-read";
import { pageInfo } from "@/lib/api/common-schemas";
import { sessionOwnerWhere, windowWhere } from "@/lib/auth/profile-set";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListProblemsRequest, ListProblemsResponse, ProblemItem, ProblemSortKey } from "./schemas";

export const problemSelect = {
  id: true,
  session_id: true,
  group_id: true,
  run_id: true,
  kind: true,
  severity: true,
  description: true,
  resolved: true,
  resolved_by_id: true,
  resolved_at: true,
  created_at: true,
  updated_at: true,
  session: { select: { profile_id: true, profile: { select: { name: true } } } },
  resolved_by: { select: { name: true } },
} satisfies Prisma.ProblemSelect;

export type ProblemRecord = Prisma.ProblemGetPayload<{ select: typeof problemSelect }>;

export function toProblemItem(row: ProblemRecord): ProblemItem {
  return {
    problem_id: row.id,
    session_id: row.session_id,
    group_id: row.group_id,
    run_id: row.run_id,
    profile_id: row.session.profile_id,
    profile_name: row.session.profile.name,
    kind: row.kind,
    severity: row.severity,
    description: row.description,
    resolved: row.resolved,
    resolved_by_id: row.resolved_by_id,
    resolved_by_name: row.resolved_by?.name ?? null,
    resolved_at: row.resolved_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function problemsWhere(actor: Actor, body: ListProblemsRequest): Prisma.ProblemWhereInput {
  const clauses: Prisma.ProblemWhereInput[] = [{ session: sessionOwnerWhere(actor, body) }];
  if (body.resolved !== undefined) clauses.push({ resolved: body.resolved });
  if (body.kinds?.length) clauses.push({ kind: { in: body.kinds } });
  if (body.severities?.length) clauses.push({ severity: { in: body.severities } });
  if (body.session_id) clauses.push({ session_id: body.session_id });
  if (body.profile_id) clauses.push({ session: { profile_id: body.profile_id } });
  const window = windowWhere(body);
  if (window) clauses.push({ created_at: window });
  return { AND: clauses };
}

function problemsOrder(sortBy: ProblemSortKey, dir: Prisma.SortOrder): Prisma.ProblemOrderByWithRelationInput[] {
  const tail: Prisma.ProblemOrderByWithRelationInput[] = [{ created_at: dir }, { id: dir }];
  switch (sortBy) {
    case "created_at":
      return tail;
    case "updated_at":
      return [{ updated_at: dir }, { id: dir }];
    case "severity":
      return [{ severity: dir }, ...tail];
    case "kind":
      return [{ kind: dir }, ...tail];
    case "profile_name":
      return [{ session: { profile: { name: dir } } }, ...tail];
  }
}

/** How many problems match: a number, not records, so not a list read (the Problems page's tab counts). */
export function countProblems(actor: Actor, body: ListProblemsRequest): Promise<number> {
  return prisma.problem.count({ where: problemsWhere(actor, body) });
}

/** One audit row per call: the filters and the people shown (lib/audit/list-read.ts). */
export async function listProblems(actor: Actor, body: ListProblemsRequest): Promise<ListProblemsResponse> {
  const answer = await listProblemsUnaudited(actor, body);
  await auditListRead(
    actor,
    "problems.list",
    body,
    answer.items.map((item) => item.profile_id),
  );
  return answer;
}

async function listProblemsUnaudited(actor: Actor, body: ListProblemsRequest): Promise<ListProblemsResponse> {
  const where = problemsWhere(actor, body);
  const [total, rows] = await Promise.all([
    prisma.problem.count({ where }),
    prisma.problem.findMany({
      where,
      select: problemSelect,
      orderBy: problemsOrder(body.sort_by, body.sort_order),
      skip: (body.page - 1) * body.page_size,
      take: body.page_size,
    }),
  ]);
  return { items: rows.map(toProblemItem), ...pageInfo(body.page, body.page_size, total) };
}

type ProblemItemRow = Omit<ProblemItem, "resolved_at" | "created_at" | "updated_at"> & {
  resolved_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

/**
 * Problems matching `where` (on problems `pr` and their sessions `s`), in `order` (with any LIMIT),
 * with the owner's and resolver's names: one statement, where problemSelect takes four round trips.
 * The session page, /system/session and the dashboard read these on every view.
 */
async function problemItems(where: Prisma.Sql, order: Prisma.Sql): Promise<ProblemItem[]> {
  const rows = await prisma.$queryRaw<ProblemItemRow[]>`
    SELECT pr.id::text AS problem_id, pr.session_id::text AS session_id, pr.group_id::text AS group_id, pr.run_id::text AS run_id,
           s.profile_id::text AS profile_id, p.name AS profile_name, pr.kind::text AS kind, pr.severity::text AS severity,
           pr.description, pr.resolved, pr.resolved_by_id::text AS resolved_by_id, rb.name AS resolved_by_name, pr.resolved_at,
           pr.created_at, pr.updated_at
    FROM problems pr JOIN sessions s ON s.id = pr.session_id JOIN profiles p ON p.id = s.profile_id
    LEFT JOIN profiles rb ON rb.id = pr.resolved_by_id
    WHERE ${where}
    ${order}`;
  return rows.map((row) => ({
    ...row,
    resolved_at: row.resolved_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  }));
}

/** Every problem of one session (already known to be visible), oldest first. */
export function sessionProblems(sessionId: string): Promise<ProblemItem[]> {
  return problemItems(Prisma.sql`pr.session_id = ${sessionId}::uuid`, Prisma.sql`ORDER BY pr.created_at, pr.id`);
}

/** The newest open problems flagged in [from, to) on the sessions of the profile set (`profileSet` on profiles `p`). */
export function newestOpenProblems(profileSet: Prisma.Sql, from: Date, to: Date, limit: number): Promise<ProblemItem[]> {
  return problemItems(
    Prisma.sql`NOT pr.resolved AND pr.created_at >= ${from}::timestamptz AND pr.created_at < ${to}::timestamptz AND ${profileSet}`,
    Prisma.sql`ORDER BY pr.created_at DESC, pr.id DESC LIMIT ${limit}`,
  );
}
