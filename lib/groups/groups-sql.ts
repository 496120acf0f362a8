import "server-only";
// The group list and the pricing summaries in SQL. The list reads group_stats, whose every sort
// key has an index on (column, group_id), so a page is an index walk whatever the key; groups
// without runs have no first/last run and sort after every group with runs, both ways. Pricing
// sums the usage rollups of the window (lib/summaries).
// Groups belong to their session's owner: scope, department and role filters apply to that profile.
import { Prisma } from "@/lib/generated/prisma/client";
import { dateWindow } from "@/lib/api/common-schemas";
import { prisma } from "@/lib/db";
import { boundedCount, type BoundedCount } from "@/lib/summaries/bounded-count";
import { windowSql, type WindowFilters } from "@/lib/auth/profile-set";
import type { PageFetch } from "@/lib/summaries/list-page";
import { orderedPage, type SortColumn } from "@/lib/summaries/ordered-page";
import { activityParts, countSource, profileIn, usageParts, type SummarySource } from "@/lib/summaries/rollup-sql";
import { splitWindow, type Grain } from "@/lib/summaries/window";
import type { GroupSortBy, ListGroupsRequest } from "./schemas";

export interface GroupListRow {
  id: string;
  sort_value: string | null;
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
  /** The models the group's runs used, by name. */
  models: Array<{ model_id: string; name: string }>;
}

export const groupSortColumns: Record<GroupSortBy, SortColumn> = {
  last_run_at: { column: "last_run_at", cast: "timestamptz", nullable: true },
  first_run_at: { column: "first_run_at", cast: "timestamptz", nullable: true },
  created_at: { column: "created_at", cast: "timestamptz" },
  total_cost: { column: "total_cost", cast: "numeric" },
  total_tokens: { column: "total_tokens", cast: "bigint" },
  run_count: { column: "run_count", cast: "int" },
  group_name: { column: "group_name", cast: "text" },
  profile_name: { column: "profile_name", cast: "text" },
};

function matching(profileIds: readonly string[] | null, body: ListGroupsRequest): Prisma.Sql {
  const clauses = [profileIn(Prisma.sql`x.profile_id`, profileIds), windowSql(Prisma.sql`x.created_at`, body)];
  if (body.profile_id) clauses.push(Prisma.sql`x.profile_id = ${body.profile_id}::uuid`);
  if (body.session_id) clauses.push(Prisma.sql`x.session_id = ${body.session_id}::uuid`);
  if (body.model_ids?.length) clauses.push(Prisma.sql`x.model_ids && ${body.model_ids}::uuid[]`);
  return Prisma.join(clauses, " AND ");
}

export function groupListRows(profileIds: readonly string[] | null, body: ListGroupsRequest, page: PageFetch): Promise<GroupListRow[]> {
  const sort = groupSortColumns[body.sort_by];
  const dir = Prisma.raw(page.order.descending ? "DESC" : "ASC");
  const nulls = Prisma.raw(page.order.nullsFirst ? "NULLS FIRST" : "NULLS LAST");
  const ordered = orderedPage({ table: "group_stats", idColumn: "group_id", sort, where: matching(profileIds, body), ...page });
  return prisma.$queryRaw<GroupListRow[]>`
    WITH page AS MATERIALIZED (${ordered})
    SELECT page.id::text AS id, page.sort_value::text AS sort_value, gs.group_id::text AS group_id, gs.group_name, gs.session_id::text AS session_id,
           gs.profile_id::text AS profile_id, p.name AS profile_name, p.department_id, gs.created_at,
           gs.run_count, gs.input_tokens, gs.output_tokens, gs.cached_input_tokens, gs.total_cost, gs.first_run_at, gs.last_run_at,
           coalesce((SELECT json_agg(json_build_object('model_id', m.id, 'name', m.name) ORDER BY m.name, m.id)
                     FROM models m WHERE m.id = ANY(gs.model_ids)), '[]') AS models
    FROM page
    JOIN group_stats gs ON gs.group_id = page.id
    JOIN profiles p ON p.id = gs.profile_id
    ORDER BY page.sort_value ${dir} ${nulls}, page.id ${dir}`;
}

/**
 * How many groups match: from the rollups for the window and profile filters, exactly from
 * group_stats for one session, and for a model filter by a bounded count (lib/summaries/bounded-count.ts).
 */
export async function countGroups(profileIds: readonly string[] | null, summary: SummarySource, body: ListGroupsRequest): Promise<BoundedCount> {
  if (body.session_id || body.model_ids?.length) return boundedCount("group_stats", matching(profileIds, body));
  const { from, toExclusive } = dateWindow(body);
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT coalesce(sum(a.groups), 0)::int AS n FROM (${activityParts(splitWindow({ from, to: toExclusive }), countSource(profileIds, summary, body.profile_id), ["groups"])}) a`;
  return { count: row?.n ?? 0, estimate: false };
}

export interface CostByModelRow {
  model_id: string;
  name: string;
  total_cost: Prisma.Decimal;
  total_tokens: bigint;
  run_count: number;
}

/** Runs of the profile set's sessions in the window, by model, from the usage rollups. */
export function costByModel(source: SummarySource, filters: WindowFilters, coarsest: Grain = "month"): Promise<CostByModelRow[]> {
  const { from, toExclusive } = dateWindow(filters);
  return prisma.$queryRaw<CostByModelRow[]>`
    WITH per_model AS (
      SELECT u.model_id, sum(u.cost) AS total_cost, sum(u.input_tokens + u.output_tokens)::bigint AS total_tokens, sum(u.runs)::int AS run_count
      FROM (${usageParts(splitWindow({ from, to: toExclusive }, coarsest), source)}) u
      GROUP BY u.model_id HAVING sum(u.runs) > 0
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

export function costByMonth(source: SummarySource, filters: WindowFilters, coarsest: Grain = "month"): Promise<CostByMonthRow[]> {
  const { from, toExclusive } = dateWindow(filters);
  return prisma.$queryRaw<CostByMonthRow[]>`
    WITH per_month AS (
      SELECT to_char(u.bucket, 'YYYY-MM') AS month, u.model_id, sum(u.cost) AS total_cost,
             sum(u.input_tokens + u.output_tokens)::bigint AS total_tokens
      FROM (${usageParts(splitWindow({ from, to: toExclusive }, coarsest), source)}) u
      GROUP BY 1, 2 HAVING sum(u.runs) > 0
    )
    SELECT pm.month, pm.model_id::text AS model_id, pm.total_cost, pm.total_tokens
    FROM per_month pm JOIN models m ON m.id = pm.model_id
    ORDER BY pm.month, m.name, pm.model_id`;
}
