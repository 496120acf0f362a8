import "server-only";
// The dashboard's aggregates, one statement each, all over "the profile set" of the activity
// filters (lib/activity/profile-set.ts, which mirrors lib/auth/scope.ts). Days and weeks are UTC
// (`AT TIME ZONE 'UTC'` before date_trunc, so the server's TimeZone setting never shifts a bucket),
// and generate_series supplies the empty ones so the charts see zeros rather than gaps.
import { Prisma } from "@/lib/generated/prisma/client";
import { profileSetSql, type ProfileSetFilters } from "@/lib/activity/profile-set";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import type { ResolvedWindow } from "./period";

function profileSet(actor: Actor, filters: ProfileSetFilters): Prisma.Sql {
  return Prisma.sql`SELECT p.id, p.department_id FROM profiles p WHERE ${profileSetSql(actor, filters, "p")}`;
}

/** `column` in [previousFrom, toExclusive): both windows, so one scan feeds current and previous. */
function bothWindows(column: Prisma.Sql, w: ResolvedWindow): Prisma.Sql {
  return Prisma.sql`${column} >= ${w.previousFrom}::timestamptz AND ${column} < ${w.toExclusive}::timestamptz`;
}

function inWindow(column: Prisma.Sql, w: ResolvedWindow): Prisma.Sql {
  return Prisma.sql`${column} >= ${w.from}::timestamptz AND ${column} < ${w.toExclusive}::timestamptz`;
}

/** The FILTER clause of "in the current window" for rows already limited to both windows. */
function current(column: Prisma.Sql, w: ResolvedWindow): Prisma.Sql {
  return Prisma.sql`FILTER (WHERE ${column} >= ${w.from}::timestamptz)`;
}
function previous(column: Prisma.Sql, w: ResolvedWindow): Prisma.Sql {
  return Prisma.sql`FILTER (WHERE ${column} < ${w.from}::timestamptz)`;
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

export async function kpiRow(actor: Actor, filters: ProfileSetFilters, w: ResolvedWindow): Promise<KpiRow> {
  const s = Prisma.sql`s.created_at`;
  const l = Prisma.sql`l.created_at`;
  const e = Prisma.sql`e.started_at`;
  const r = Prisma.sql`r.created_at`;
  const pr = Prisma.sql`pr.created_at`;
  const rows = await prisma.$queryRaw<KpiRow[]>`
    WITH ps AS (${profileSet(actor, filters)}),
    s AS (
      SELECT count(*) ${current(s, w)} AS cur, count(*) ${previous(s, w)} AS prev,
             count(DISTINCT s.profile_id) ${current(s, w)} AS cur_active, count(DISTINCT s.profile_id) ${previous(s, w)} AS prev_active
      FROM sessions s JOIN ps ON ps.id = s.profile_id WHERE ${bothWindows(s, w)}
    ),
    l AS (
      SELECT count(*) ${current(l, w)} AS cur, count(*) ${previous(l, w)} AS prev
      FROM logins l JOIN ps ON ps.id = l.profile_id WHERE ${bothWindows(l, w)}
    ),
    e AS (
      SELECT count(*) ${current(e, w)} AS cur, count(*) ${previous(e, w)} AS prev
      FROM emulations e JOIN ps ON ps.id = e.target_profile_id WHERE ${bothWindows(e, w)}
    ),
    r AS (
      SELECT sum(r.input_tokens::bigint + r.output_tokens) ${current(r, w)} AS cur_tokens,
             sum(r.input_tokens::bigint + r.output_tokens) ${previous(r, w)} AS prev_tokens,
             sum(r.cost) ${current(r, w)} AS cur_cost, sum(r.cost) ${previous(r, w)} AS prev_cost
      FROM runs r JOIN groups g ON g.id = r.group_id JOIN sessions s ON s.id = g.session_id JOIN ps ON ps.id = s.profile_id
      WHERE ${bothWindows(r, w)}
    ),
    pr AS (
      SELECT count(*) ${current(pr, w)} AS cur, count(*) ${previous(pr, w)} AS prev
      FROM problems pr JOIN sessions s ON s.id = pr.session_id JOIN ps ON ps.id = s.profile_id
      WHERE NOT pr.resolved AND ${bothWindows(pr, w)}
    )
    SELECT s.cur::int AS sessions, s.prev::int AS sessions_previous,
           s.cur_active::int AS active_tas, s.prev_active::int AS active_tas_previous,
           l.cur::int AS logins, l.prev::int AS logins_previous,
           e.cur::int AS emulations, e.prev::int AS emulations_previous,
           coalesce(r.cur_tokens, 0)::bigint AS tokens, coalesce(r.prev_tokens, 0)::bigint AS tokens_previous,
           coalesce(r.cur_cost, 0) AS cost, coalesce(r.prev_cost, 0) AS cost_previous,
           pr.cur::int AS open_problems, pr.prev::int AS open_problems_previous
    FROM s, l, e, r, pr`;
  const row = rows[0];
  if (!row) throw new Error("the KPI statement answers exactly one row");
  return row;
}

/** generate_series over the window's UTC days, as `timestamp` (no zone) values named `day`. */
function daySeries(w: ResolvedWindow): Prisma.Sql {
  return Prisma.sql`SELECT generate_series(${w.firstDay}::date::timestamp, ${w.lastDay}::date::timestamp, interval '1 day') AS day`;
}

const utcDay = (column: Prisma.Sql) => Prisma.sql`date_trunc('day', ${column} AT TIME ZONE 'UTC')`;

export interface SessionsPerDayRow {
  day: string;
  sessions: number;
}

export function sessionsPerDay(actor: Actor, filters: ProfileSetFilters, w: ResolvedWindow): Promise<SessionsPerDayRow[]> {
  return prisma.$queryRaw<SessionsPerDayRow[]>`
    WITH ps AS (${profileSet(actor, filters)}),
    days AS (${daySeries(w)}),
    per_day AS (
      SELECT ${utcDay(Prisma.sql`s.created_at`)} AS day, count(*)::int AS n
      FROM sessions s JOIN ps ON ps.id = s.profile_id
      WHERE ${inWindow(Prisma.sql`s.created_at`, w)} GROUP BY 1
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
export function usagePerDay(actor: Actor, filters: ProfileSetFilters, w: ResolvedWindow): Promise<UsagePerDayRow[]> {
  return prisma.$queryRaw<UsagePerDayRow[]>`
    WITH ps AS (${profileSet(actor, filters)}),
    days AS (${daySeries(w)}),
    per_day AS (
      SELECT ${utcDay(Prisma.sql`r.created_at`)} AS day, r.model_id,
             sum(r.input_tokens::bigint + r.output_tokens)::bigint AS total_tokens, sum(r.cost) AS total_cost
      FROM runs r JOIN groups g ON g.id = r.group_id JOIN sessions s ON s.id = g.session_id JOIN ps ON ps.id = s.profile_id
      WHERE ${inWindow(Prisma.sql`r.created_at`, w)} GROUP BY 1, 2
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

export function costByDepartment(actor: Actor, filters: ProfileSetFilters, w: ResolvedWindow): Promise<CostByDepartmentRow[]> {
  return prisma.$queryRaw<CostByDepartmentRow[]>`
    WITH ps AS (${profileSet(actor, filters)}),
    per_department AS (
      SELECT ps.department_id, sum(r.input_tokens::bigint + r.output_tokens)::bigint AS total_tokens, sum(r.cost) AS total_cost
      FROM runs r JOIN groups g ON g.id = r.group_id JOIN sessions s ON s.id = g.session_id JOIN ps ON ps.id = s.profile_id
      WHERE ${inWindow(Prisma.sql`r.created_at`, w)} GROUP BY ps.department_id
    )
    SELECT pd.department_id, d.name AS department_name, pd.total_tokens, pd.total_cost
    FROM per_department pd LEFT JOIN departments d ON d.id = pd.department_id
    ORDER BY pd.total_cost DESC, d.name NULLS LAST, pd.department_id`;
}

export interface ActiveTasPerWeekRow {
  week_start: string;
  active_tas: number;
}

export function activeTasPerWeek(actor: Actor, filters: ProfileSetFilters, w: ResolvedWindow): Promise<ActiveTasPerWeekRow[]> {
  const week = (column: Prisma.Sql) => Prisma.sql`date_trunc('week', ${column})`;
  return prisma.$queryRaw<ActiveTasPerWeekRow[]>`
    WITH ps AS (${profileSet(actor, filters)}),
    weeks AS (
      SELECT generate_series(${week(Prisma.sql`${w.firstDay}::date::timestamp`)}, ${week(Prisma.sql`${w.lastDay}::date::timestamp`)}, interval '1 week') AS week
    ),
    per_week AS (
      SELECT ${week(Prisma.sql`(s.created_at AT TIME ZONE 'UTC')`)} AS week, count(DISTINCT s.profile_id)::int AS n
      FROM sessions s JOIN ps ON ps.id = s.profile_id
      WHERE ${inWindow(Prisma.sql`s.created_at`, w)} GROUP BY 1
    )
    SELECT to_char(wk.week, 'YYYY-MM-DD') AS week_start, coalesce(pw.n, 0) AS active_tas
    FROM weeks wk LEFT JOIN per_week pw ON pw.week = wk.week
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
