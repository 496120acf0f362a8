import "server-only";
// The dashboard's aggregates over "the profile set" of the activity filters. Totals and per-day
// series sum the rollups of the window (lib/summaries; the cohort rollups for admins and
// coordinators, a few rows per day); how many TAs were active is an index probe per profile of
// the set on session_stats (profile_id, created_at), exact for any window (and index-only, as the
// stats rows are vacuumed often). Days and weeks are UTC, and
// generate_series supplies the empty ones so the charts see zeros rather than gaps.
import { Prisma } from "@/lib/generated/prisma/client";
import { profileSetSql, type ProfileSetFilters } from "@/lib/auth/profile-set";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { activityParts, usageParts, type SummarySource } from "@/lib/summaries/rollup-sql";
import { splitWindow, type Grain } from "@/lib/summaries/window";
import type { ResolvedWindow } from "./period";

/** Whose numbers the dashboard reads and from which rollups: "live" is the base-table reference the tests compare with. */
export interface DashboardSource {
  /** The profile set as a condition on profiles `p`. */
  profileSet: Prisma.Sql;
  summary: SummarySource;
  coarsest: Grain;
}

const finest = (coarsest: Grain): Grain => (coarsest === "live" ? "live" : "day");

/**
 * How many profiles of the set started a session in [from, to): one index probe per profile. The
 * LIMIT keeps it a probe: as EXISTS, the planner turns it into a scan of every session in the window.
 */
function activeProfiles(source: DashboardSource, from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT count(*) FROM profiles p CROSS JOIN LATERAL (
    SELECT 1 FROM session_stats x WHERE x.profile_id = p.id AND x.created_at >= ${from} AND x.created_at < ${to} LIMIT 1) hit
    WHERE ${source.profileSet})::int`;
}

export interface KpiRow {
  sessions: number;
  sessions_previous: number;
  active_tas: number;
  active_tas_previous: number;
  logins: number;
  logins_previous: number;
  emulations: number;
  emulations_previous: number;
  tokens: bigint;
  tokens_previous: bigint;
  cost: Prisma.Decimal;
  cost_previous: Prisma.Decimal;
  open_problems: number;
  open_problems_previous: number;
}

export async function kpiRow(source: DashboardSource, w: ResolvedWindow): Promise<KpiRow> {
  const { summary, coarsest } = source;
  const current = splitWindow({ from: w.from, to: w.toExclusive }, coarsest);
  const previous = splitWindow({ from: w.previousFrom, to: w.from }, coarsest);
  const counts = ["sessions", "logins", "failed_logins", "emulations", "open_problems"] as const;
  const rows = await prisma.$queryRaw<KpiRow[]>`
    WITH a AS (
      SELECT true AS cur, x.* FROM (${activityParts(current, summary, counts)}) x
      UNION ALL SELECT false, x.* FROM (${activityParts(previous, summary, counts)}) x
    ),
    u AS (
      SELECT true AS cur, x.* FROM (${usageParts(current, summary)}) x
      UNION ALL SELECT false, x.* FROM (${usageParts(previous, summary)}) x
    ),
    act AS (
      SELECT coalesce(sum(sessions) FILTER (WHERE cur), 0)::int AS sessions, coalesce(sum(sessions) FILTER (WHERE NOT cur), 0)::int AS sessions_previous,
             coalesce(sum(logins - failed_logins) FILTER (WHERE cur), 0)::int AS logins,
             coalesce(sum(logins - failed_logins) FILTER (WHERE NOT cur), 0)::int AS logins_previous,
             coalesce(sum(emulations) FILTER (WHERE cur), 0)::int AS emulations,
             coalesce(sum(emulations) FILTER (WHERE NOT cur), 0)::int AS emulations_previous,
             coalesce(sum(open_problems) FILTER (WHERE cur), 0)::int AS open_problems,
             coalesce(sum(open_problems) FILTER (WHERE NOT cur), 0)::int AS open_problems_previous
      FROM a
    ),
    use AS (
      SELECT coalesce(sum(input_tokens + output_tokens) FILTER (WHERE cur), 0)::bigint AS tokens,
             coalesce(sum(input_tokens + output_tokens) FILTER (WHERE NOT cur), 0)::bigint AS tokens_previous,
             coalesce(sum(cost) FILTER (WHERE cur), 0) AS cost, coalesce(sum(cost) FILTER (WHERE NOT cur), 0) AS cost_previous
      FROM u
    )
    SELECT act.*, use.*,
           ${activeProfiles(source, Prisma.sql`${w.from}::timestamptz`, Prisma.sql`${w.toExclusive}::timestamptz`)} AS active_tas,
           ${activeProfiles(source, Prisma.sql`${w.previousFrom}::timestamptz`, Prisma.sql`${w.from}::timestamptz`)} AS active_tas_previous
    FROM act, use`;
  const row = rows[0];
  if (!row) throw new Error("the KPI statement answers exactly one row");
  return row;
}

/** generate_series over the window's UTC days, as `date` values named `day`. */
function daySeries(w: ResolvedWindow): Prisma.Sql {
  return Prisma.sql`SELECT generate_series(${w.firstDay}::date, ${w.lastDay}::date, interval '1 day')::date AS day`;
}

function dayParts(source: DashboardSource, w: ResolvedWindow) {
  return splitWindow({ from: w.from, to: w.toExclusive }, finest(source.coarsest));
}

export interface SessionsPerDayRow {
  day: string;
  sessions: number;
}

export function sessionsPerDay(source: DashboardSource, w: ResolvedWindow): Promise<SessionsPerDayRow[]> {
  return prisma.$queryRaw<SessionsPerDayRow[]>`
    WITH days AS (${daySeries(w)}),
    per_day AS (
      SELECT a.bucket AS day, sum(a.sessions)::int AS n FROM (${activityParts(dayParts(source, w), source.summary, ["sessions"])}) a
      GROUP BY 1
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(pd.n, 0) AS sessions
    FROM days d LEFT JOIN per_day pd ON pd.day = d.day
    ORDER BY d.day`;
}

export interface UsagePerDayRow {
  day: string;
  /** null on a day without runs (the one row generate_series gives it). */
  model_id: string | null;
  name: string | null;
  total_tokens: bigint;
  total_cost: Prisma.Decimal;
}

/** One row per (day, model) with runs, plus one all-zero row for each day without any. */
export function usagePerDay(source: DashboardSource, w: ResolvedWindow): Promise<UsagePerDayRow[]> {
  return prisma.$queryRaw<UsagePerDayRow[]>`
    WITH days AS (${daySeries(w)}),
    per_day AS (
      SELECT u.bucket AS day, u.model_id, sum(u.input_tokens + u.output_tokens)::bigint AS total_tokens, sum(u.cost) AS total_cost
      FROM (${usageParts(dayParts(source, w), source.summary)}) u
      GROUP BY 1, 2 HAVING sum(u.runs) > 0
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, pd.model_id::text AS model_id, m.name,
           coalesce(pd.total_tokens, 0)::bigint AS total_tokens, coalesce(pd.total_cost, 0) AS total_cost
    FROM days d LEFT JOIN per_day pd ON pd.day = d.day LEFT JOIN models m ON m.id = pd.model_id
    ORDER BY d.day, m.name, pd.model_id`;
}

export interface CostByDepartmentRow {
  department_id: string | null;
  department_name: string | null;
  total_tokens: bigint;
  total_cost: Prisma.Decimal;
}

export function costByDepartment(source: DashboardSource, w: ResolvedWindow): Promise<CostByDepartmentRow[]> {
  const parts = splitWindow({ from: w.from, to: w.toExclusive }, source.coarsest);
  return prisma.$queryRaw<CostByDepartmentRow[]>`
    WITH per_department AS (
      SELECT u.department_id, sum(u.input_tokens + u.output_tokens)::bigint AS total_tokens, sum(u.cost) AS total_cost
      FROM (${usageParts(parts, source.summary)}) u
      GROUP BY u.department_id HAVING sum(u.runs) > 0
    )
    SELECT pd.department_id, d.name AS department_name, pd.total_tokens, pd.total_cost
    FROM per_department pd LEFT JOIN departments d ON d.id = pd.department_id
    ORDER BY pd.total_cost DESC, d.name NULLS LAST, pd.department_id`;
}

export interface ActiveTasPerWeekRow {
  week_start: string;
  active_tas: number;
}

/** Per ISO week the window touches, the profiles of the set with a session in the part of the week inside the window. */
export function activeTasPerWeek(source: DashboardSource, w: ResolvedWindow): Promise<ActiveTasPerWeekRow[]> {
  const from = Prisma.sql`${w.from}::timestamptz`;
  const to = Prisma.sql`${w.toExclusive}::timestamptz`;
  return prisma.$queryRaw<ActiveTasPerWeekRow[]>`
    WITH weeks AS (
      SELECT week, greatest(week AT TIME ZONE 'UTC', ${from}) AS starts, least((week + interval '1 week') AT TIME ZONE 'UTC', ${to}) AS ends
      FROM generate_series(date_trunc('week', ${w.firstDay}::date::timestamp), date_trunc('week', ${w.lastDay}::date::timestamp), interval '1 week') AS week
    )
    SELECT to_char(wk.week, 'YYYY-MM-DD') AS week_start,
           ${activeProfiles(source, Prisma.sql`wk.starts`, Prisma.sql`wk.ends`)} AS active_tas
    FROM weeks wk
    ORDER BY wk.week`;
}

export interface FollowUpRow {
  profile_id: string;
  profile_name: string;
  department_id: string | null;
  department_name: string | null;
  ta_role: "head_ta" | "graduate_ta" | "undergraduate_ta" | null;
  joined_at: Date;
  last_session_at: Date | null;
  idle: boolean;
  open_problem_count: number;
}

/**
 * Enabled TAs of the set whose newest session (or account, when they never had one) is older than
 * `cutoff`, or who have open problems. The newest session per TA is an index-only max per profile
 * (sessions_profile_id_created_at_idx), so this stays cheap however many sessions there are.
 */
export function followUpRows(actor: Actor, filters: ProfileSetFilters, cutoff: Date): Promise<FollowUpRow[]> {
  return prisma.$queryRaw<FollowUpRow[]>`
    WITH tas AS (
      SELECT p.id, p.name, p.department_id, p.ta_role, p.created_at FROM profiles p
      WHERE ${profileSetSql(actor, filters, "p")} AND p.access_level = 'ta' AND p.disabled_at IS NULL
    ),
    last_session AS (
      SELECT s.profile_id, max(s.created_at) AS at FROM sessions s JOIN tas ON tas.id = s.profile_id GROUP BY s.profile_id
    ),
    open_problems AS (
      SELECT s.profile_id, count(*)::int AS n FROM problems pr
      JOIN sessions s ON s.id = pr.session_id JOIN tas ON tas.id = s.profile_id
      WHERE NOT pr.resolved GROUP BY s.profile_id
    ),
    flagged AS (
      SELECT tas.*, ls.at AS last_session_at, coalesce(op.n, 0) AS open_problem_count,
             coalesce(ls.at, tas.created_at) < ${cutoff}::timestamptz AS idle
      FROM tas LEFT JOIN last_session ls ON ls.profile_id = tas.id LEFT JOIN open_problems op ON op.profile_id = tas.id
    )
    SELECT f.id::text AS profile_id, f.name AS profile_name, f.department_id, d.name AS department_name,
           f.ta_role::text AS ta_role, f.created_at AS joined_at, f.last_session_at, f.idle, f.open_problem_count
    FROM flagged f LEFT JOIN departments d ON d.id = f.department_id
    WHERE f.idle OR f.open_problem_count > 0
    ORDER BY f.open_problem_count DESC, coalesce(f.last_session_at, f.created_at) ASC, f.name, f.id`;
}
