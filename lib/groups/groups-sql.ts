import "server-only";
// The group list and the pricing summaries in SQL, because sorting and grouping by run aggregates
// cannot be said in Prisma. The list has two shapes sharing one aggregate definition:
//  - sorting by a group column: the requested page is cut first (an index scan with LIMIT), so
//    aggregates are computed for at most page_size groups, whatever the table size;
//  - sorting by an aggregate: every matching group is aggregated in one grouped pass over its runs,
//    sorted, then cut to the page. This is linear in the matching runs (about 1 s per million runs
//    on two cores); past that scale it needs per-group totals kept up to date by the writers.
// Groups belong to their session's owner: scope, department and role filters apply to that profile.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { profileSetSql, windowSql, type ProfileSetFilters, type WindowFilters } from "@/lib/activity/profile-set";
import type { GroupSortBy, ListGroupsRequest } from "./schemas";

export interface GroupListRow {
  group_id: string;
  group_name: string;
  session_id: string;
  profile_id: string;
  profile_name: string;
  department_id: string | null;
  created_at: Date;
  run_count: number;
  input_tokens: bigint;
  output_tokens: bigint;
  cached_input_tokens: bigint;
  total_cost: Prisma.Decimal;
  first_run_at: Date | null;
  last_run_at: Date | null;
}

const groupColumns: Partial<Record<GroupSortBy, Prisma.Sql>> = {
  created_at: Prisma.sql`g.created_at`,
  group_name: Prisma.sql`g.name`,
  profile_name: Prisma.sql`p.name`,
};

// Groups without runs have no first/last run: they sort after every group with runs, both ways.
const aggregateColumns: Partial<Record<GroupSortBy, Prisma.Sql>> = {
  last_run_at: Prisma.sql`t.last_run_at`,
  first_run_at: Prisma.sql`t.first_run_at`,
  total_cost: Prisma.sql`t.total_cost`,
  total_tokens: Prisma.sql`(t.input_tokens + t.output_tokens)`,
  run_count: Prisma.sql`t.run_count`,
};

function matching(actor: Actor, body: ListGroupsRequest): Prisma.Sql {
  const clauses = [profileSetSql(actor, body, "p"), windowSql(Prisma.sql`g.created_at`, body)];
  if (body.profile_id) clauses.push(Prisma.sql`s.profile_id = ${body.profile_id}::uuid`);
  if (body.session_id) clauses.push(Prisma.sql`g.session_id = ${body.session_id}::uuid`);
  if (body.model_ids?.length) {
    clauses.push(Prisma.sql`EXISTS (SELECT 1 FROM runs rm WHERE rm.group_id = g.id AND rm.model_id = ANY(${body.model_ids}::uuid[]))`);
  }
  return Prisma.join(clauses, " AND ");
}

const fromGroups = Prisma.sql`groups g JOIN sessions s ON s.id = g.session_id JOIN profiles p ON p.id = s.profile_id`;

// Per-group run aggregates over `runs r` LEFT JOINed to the groups; 0 (and null times) without runs.
const aggregates = Prisma.sql`
  count(r.id)::int AS run_count,
  coalesce(sum(r.input_tokens), 0)::bigint AS input_tokens, coalesce(sum(r.output_tokens), 0)::bigint AS output_tokens,
  coalesce(sum(r.cached_input_tokens), 0)::bigint AS cached_input_tokens, coalesce(sum(r.cost), 0) AS total_cost,
  min(r.created_at) AS first_run_at, max(r.created_at) AS last_run_at`;

const outputColumns = Prisma.sql`
  g.id::text AS group_id, g.name AS group_name, g.session_id::text AS session_id, s.profile_id::text AS profile_id,
  p.name AS profile_name, p.department_id, g.created_at,
  t.run_count, t.input_tokens, t.output_tokens, t.cached_input_tokens, t.total_cost, t.first_run_at, t.last_run_at`;

export function groupListRows(actor: Actor, body: ListGroupsRequest): Promise<GroupListRow[]> {
  const dir = body.sort_order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const limit = body.page_size;
  const offset = (body.page - 1) * body.page_size;
  const groupColumn = groupColumns[body.sort_by];

  if (groupColumn) {
    return prisma.$queryRaw<GroupListRow[]>`
      WITH ids AS MATERIALIZED (
        SELECT g.id FROM ${fromGroups} WHERE ${matching(actor, body)}
        ORDER BY ${groupColumn} ${dir}, g.id ${dir}
        LIMIT ${limit} OFFSET ${offset}
      ),
      t AS (SELECT ids.id AS group_id, ${aggregates} FROM ids LEFT JOIN runs r ON r.group_id = ids.id GROUP BY ids.id)
      SELECT ${outputColumns}
      FROM t JOIN groups g ON g.id = t.group_id JOIN sessions s ON s.id = g.session_id JOIN profiles p ON p.id = s.profile_id
      ORDER BY ${groupColumn} ${dir}, g.id ${dir}`;
  }

  // One join of the matching groups with their runs (not `IN (ids)`), so the planner sees the real
  // row counts and aggregates with one pass over the runs instead of one index probe per group.
  const aggregate = aggregateColumns[body.sort_by] ?? Prisma.sql`t.last_run_at`;
  return prisma.$queryRaw<GroupListRow[]>`
    WITH t AS (
      SELECT g.id AS group_id, ${aggregates}
      FROM ${fromGroups} LEFT JOIN runs r ON r.group_id = g.id
      WHERE ${matching(actor, body)}
      GROUP BY g.id
    ),
    page AS (
      SELECT t.* FROM t ORDER BY ${aggregate} ${dir} NULLS LAST, t.group_id ${dir} LIMIT ${limit} OFFSET ${offset}
    )
    SELECT ${outputColumns}
    FROM page t JOIN groups g ON g.id = t.group_id JOIN sessions s ON s.id = g.session_id JOIN profiles p ON p.id = s.profile_id
    ORDER BY ${aggregate} ${dir} NULLS LAST, g.id ${dir}`;
}

export async function countGroups(actor: Actor, body: ListGroupsRequest): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM ${fromGroups} WHERE ${matching(actor, body)}`;
  return row?.n ?? 0;
}

export interface GroupModelRow {
  group_id: string;
  model_id: string;
  name: string;
}

/** The distinct models each of `groupIds` ran, by name. */
export function groupModels(groupIds: readonly string[]): Promise<GroupModelRow[]> {
  if (groupIds.length === 0) return Promise.resolve([]);
  return prisma.$queryRaw<GroupModelRow[]>`
    SELECT DISTINCT r.group_id::text AS group_id, m.id::text AS model_id, m.name
    FROM runs r JOIN models m ON m.id = r.model_id
    WHERE r.group_id = ANY(${[...groupIds]}::uuid[])
    ORDER BY group_id, m.name, model_id`;
}

// Runs whose group's session owner is in the profile set, started inside the window.
function pricedRuns(actor: Actor, filters: ProfileSetFilters & WindowFilters): Prisma.Sql {
  return Prisma.sql`
    runs r JOIN groups g ON g.id = r.group_id JOIN sessions s ON s.id = g.session_id JOIN profiles p ON p.id = s.profile_id
    WHERE ${profileSetSql(actor, filters, "p")} AND ${windowSql(Prisma.sql`r.created_at`, filters)}`;
}

export interface CostByModelRow {
  model_id: string;
  name: string;
  total_cost: Prisma.Decimal;
  total_tokens: bigint;
  run_count: number;
}

export function costByModel(actor: Actor, filters: ProfileSetFilters & WindowFilters): Promise<CostByModelRow[]> {
  return prisma.$queryRaw<CostByModelRow[]>`
    WITH per_model AS (
      SELECT r.model_id, sum(r.cost) AS total_cost, sum(r.input_tokens::bigint + r.output_tokens)::bigint AS total_tokens,
        count(*)::int AS run_count
      FROM ${pricedRuns(actor, filters)}
      GROUP BY r.model_id
    )
    SELECT pm.model_id::text AS model_id, m.name, pm.total_cost, pm.total_tokens, pm.run_count
    FROM per_model pm JOIN models m ON m.id = pm.model_id
    ORDER BY pm.total_cost DESC, m.name, pm.model_id`;
}

export interface CostByMonthRow {
  month: string;
  model_id: string;
  total_cost: Prisma.Decimal;
  total_tokens: bigint;
}

export function costByMonth(actor: Actor, filters: ProfileSetFilters & WindowFilters): Promise<CostByMonthRow[]> {
  return prisma.$queryRaw<CostByMonthRow[]>`
    WITH per_month AS (
      SELECT to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, r.model_id,
        sum(r.cost) AS total_cost, sum(r.input_tokens::bigint + r.output_tokens)::bigint AS total_tokens
      FROM ${pricedRuns(actor, filters)}
      GROUP BY 1, 2
    )
    SELECT pm.month, pm.model_id::text AS model_id, pm.total_cost, pm.total_tokens
    FROM per_month pm JOIN models m ON m.id = pm.model_id
    ORDER BY pm.month, m.name, pm.model_id`;
}
