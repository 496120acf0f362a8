import "server-only";
import { profileSetSql, summarySource } from "@/lib/auth/profile-set";
import type { Actor } from "@/lib/auth/actor";
import { decimalString } from "@/lib/format/decimal";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Grain } from "@/lib/summaries/window";
import { newestOpenProblems } from "@/lib/problems/queries";
import { resolveWindow } from "./period";
import type { DashboardRequest, DashboardResponse, FollowUpRequest, FollowUpResponse, ModelUsage } from "./schemas";
import {
  activeTasPerWeek,
  costByDepartment,
  followUpRows,
  kpiRow,
  sessionsPerDay,
  usagePerDay,
  type DashboardSource,
  type UsagePerDayRow,
} from "./sql";

/** How many open problems the dashboard lists; the Problems page has the rest. */
export const openProblemsShown = 8;

// Decimal sums keep every digit; "0" rather than "0E-10" for nothing.

export async function getDashboard(
  actor: Actor,
  body: DashboardRequest,
  now: Date = new Date(),
  coarsest: Grain = "month",
): Promise<DashboardResponse> {
  const w = resolveWindow(body, now);
  const source: DashboardSource = { profileSet: profileSetSql(actor, body, "p"), summary: await summarySource(actor, body), coarsest };
  const [kpis, perDay, usage, departments, weeks, problems] = await Promise.all([
    kpiRow(source, w),
    sessionsPerDay(source, w),
    usagePerDay(source, w),
    costByDepartment(source, w),
    activeTasPerWeek(source, w),
    newestOpenProblems(source.profileSet, w.from, w.toExclusive, openProblemsShown),
  ]);
  return {
    data_as_of: now.toISOString(),
    window: {
      date_from: w.from.toISOString(),
      date_to: w.toExclusive.toISOString(),
      previous_date_from: w.previousFrom.toISOString(),
      first_day: w.firstDay,
      last_day: w.lastDay,
    },
    kpis: {
      sessions: { current: kpis.sessions, previous: kpis.sessions_previous },
      active_tas: { current: kpis.active_tas, previous: kpis.active_tas_previous },
      logins: { current: kpis.logins, previous: kpis.logins_previous },
      emulations: { current: kpis.emulations, previous: kpis.emulations_previous },
      tokens: { current: Number(kpis.tokens), previous: Number(kpis.tokens_previous) },
      cost: { current: decimalString(kpis.cost), previous: decimalString(kpis.cost_previous) },
      open_problems: { current: kpis.open_problems, previous: kpis.open_problems_previous },
    },
    sessions_per_day: perDay,
    usage_per_day: groupUsageByDay(usage),
    cost_by_department: departments.map((row) => ({
      department_id: row.department_id,
      department_name: row.department_name,
      total_tokens: Number(row.total_tokens),
      total_cost: decimalString(row.total_cost),
    })),
    active_tas_per_week: weeks,
    open_problems: problems,
  };
}

/** Folds the (day, model) rows into one entry per day; day totals are summed in SQL-exact decimals. */
function groupUsageByDay(rows: UsagePerDayRow[]): DashboardResponse["usage_per_day"] {
  const days = new Map<string, { models: ModelUsage[]; tokens: bigint; cost: Prisma.Decimal | null }>();
  for (const row of rows) {
    const entry = days.get(row.day) ?? { models: [], tokens: BigInt(0), cost: null };
    days.set(row.day, entry);
    if (!row.model_id || !row.name) continue;
    entry.models.push({ model_id: row.model_id, name: row.name, total_tokens: Number(row.total_tokens), total_cost: decimalString(row.total_cost) });
    entry.tokens += row.total_tokens;
    entry.cost = entry.cost ? entry.cost.plus(row.total_cost) : row.total_cost;
  }
  return [...days].map(([day, entry]) => ({ day, total_tokens: Number(entry.tokens), total_cost: decimalString(entry.cost), models: entry.models }));
}

export async function getFollowUp(actor: Actor, body: FollowUpRequest, now: Date = new Date()): Promise<FollowUpResponse> {
  const rows = await followUpRows(actor, body, new Date(now.getTime() - body.idle_days * 86_400_000));
  return {
    as_of: now.toISOString(),
    idle_days: body.idle_days,
    items: rows.map((row) => ({
      ...row,
      joined_at: row.joined_at.toISOString(),
      last_session_at: row.last_session_at?.toISOString() ?? null,
    })),
  };
}
