import "server-only";
// Agent usage in SQL. Whole months and days come from agent_usage_monthly/daily (per agent, model
// and cohort), a TA's own from agent_usage_profile_daily, all kept by the runs trigger; the sub-day
// edges of a window are read live from runs and session_agents, as lib/summaries/rollup-sql.ts does
// for the other rollups.
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { cohortIn, dayRange, instantRange, profileIn, type SummarySource } from "@/lib/summaries/rollup-sql";
import { splitWindow, wholeDaysAndEdges, type DayRange, type Grain, type InstantRange } from "@/lib/summaries/window";

export const agentSums = [
  "sessions",
  "runs",
  "failed_runs",
  "timed_runs",
  "response_ms_total",
  "input_tokens",
  "output_tokens",
  "cached_input_tokens",
  "cost",
] as const;

export interface AgentUsageRow {
  agent_id: string;
  /** The UTC day ("YYYY-MM-DD") for per-day rows; null for totals. */
  day: string | null;
  sessions: number;
  runs: number;
  failed_runs: number;
  timed_runs: number;
  response_ms_total: bigint;
  input_tokens: bigint;
  output_tokens: bigint;
  cached_input_tokens: bigint;
  cost: Prisma.Decimal;
}

export interface AgentUsageFilter {
  source: SummarySource;
  window: InstantRange;
  modelIds: readonly string[] | null;
  agentId?: string;
}

const modelIn = (column: Prisma.Sql, modelIds: readonly string[] | null) =>
  modelIds === null ? Prisma.sql`TRUE` : Prisma.sql`${column} = ANY(${[...modelIds]}::uuid[])`;
const agentIs = (column: Prisma.Sql, agentId: string | undefined) => (agentId ? Prisma.sql`${column} = ${agentId}::uuid` : Prisma.sql`TRUE`);

/**
 * Runs in `range` as `r`, each with `owner_id` (the session owner) when the source needs it. A TA's
 * runs are found through their groups; anyone else's by time, the owner looked up per run in
 * group_stats (as a join, the planner hashed every group: 660 ms for half a day at a million sessions).
 */
function runsIn(range: InstantRange, filter: AgentUsageFilter): Prisma.Sql {
  const runFilters = Prisma.sql`${instantRange(Prisma.sql`r.created_at`, range)} AND ${modelIn(Prisma.sql`r.model_id`, filter.modelIds)}
    AND ${agentIs(Prisma.sql`r.agent_id`, filter.agentId)}`;
  const { source } = filter;
  if (source.kind === "profiles") {
    return Prisma.sql`(SELECT r.* FROM group_stats gs JOIN runs r ON r.group_id = gs.group_id
      WHERE ${profileIn(Prisma.sql`gs.profile_id`, source.profileIds)} AND ${runFilters}) r`;
  }
  if (!source.departmentIds && !source.roles) return Prisma.sql`(SELECT r.* FROM runs r WHERE ${runFilters}) r`;
  return Prisma.sql`(SELECT r.* FROM (SELECT r.*, (SELECT gs.profile_id FROM group_stats gs WHERE gs.group_id = r.group_id) AS owner_id
      FROM runs r WHERE ${runFilters}) r JOIN profiles p ON p.id = r.owner_id
    WHERE ${cohortIn(source, Prisma.sql`coalesce(p.department_id, '')`, Prisma.sql`coalesce(p.ta_role::text, '')`)}) r`;
}

/** Whether the session owner `profile` belongs to the source; TRUE without a lookup when everyone does. */
function ownedBy(profile: Prisma.Sql, source: SummarySource): Prisma.Sql {
  if (source.kind === "profiles") return profileIn(profile, source.profileIds);
  if (!source.departmentIds && !source.roles) return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM profiles p WHERE p.id = ${profile}
    AND ${cohortIn(source, Prisma.sql`coalesce(p.department_id, '')`, Prisma.sql`coalesce(p.ta_role::text, '')`)})`;
}

/** Runs and first runs in `range`, per day and agent, from the base tables. */
function liveUsage(range: InstantRange, filter: AgentUsageFilter): Prisma.Sql {
  return Prisma.sql`
    SELECT glow_utc_day(r.created_at) AS bucket, r.agent_id, 0::bigint AS sessions, count(*) AS runs,
           count(*) FILTER (WHERE r.status = 'failed') AS failed_runs, count(r.duration_ms) AS timed_runs,
           coalesce(sum(r.duration_ms), 0)::bigint AS response_ms_total, sum(r.input_tokens)::bigint AS input_tokens,
           sum(r.output_tokens)::bigint AS output_tokens, sum(r.cached_input_tokens)::bigint AS cached_input_tokens, sum(r.cost) AS cost
    FROM ${runsIn(range, filter)}
    GROUP BY 1, 2
    UNION ALL
    SELECT glow_utc_day(sa.first_run_at), sa.agent_id, count(*), 0, 0, 0, 0, 0, 0, 0, 0
    FROM session_agents sa
    WHERE ${instantRange(Prisma.sql`sa.first_run_at`, range)} AND ${ownedBy(Prisma.sql`sa.profile_id`, filter.source)}
      AND ${modelIn(Prisma.sql`sa.first_model_id`, filter.modelIds)} AND ${agentIs(Prisma.sql`sa.agent_id`, filter.agentId)}
    GROUP BY 1, 2`;
}

function rollup(table: "agent_usage_monthly" | "agent_usage_daily", range: DayRange, filter: AgentUsageFilter): Prisma.Sql {
  const bucket = Prisma.raw(table === "agent_usage_monthly" ? "month" : "day");
  const sums = Prisma.raw(agentSums.join(", "));
  const scoped = Prisma.sql`${dayRange(bucket, range)} AND ${modelIn(Prisma.sql`model_id`, filter.modelIds)} AND ${agentIs(Prisma.sql`agent_id`, filter.agentId)}`;
  if (filter.source.kind === "profiles") {
    if (table === "agent_usage_monthly") throw new Error("a profile set's agent usage is kept per day only");
    return Prisma.sql`SELECT day AS bucket, agent_id, ${sums} FROM agent_usage_profile_daily
      WHERE ${profileIn(Prisma.sql`profile_id`, filter.source.profileIds)} AND ${scoped}`;
  }
  return Prisma.sql`SELECT ${bucket} AS bucket, agent_id, ${sums} FROM ${Prisma.raw(table)}
    WHERE ${cohortIn(filter.source, Prisma.sql`department_id`, Prisma.sql`ta_role`)} AND ${scoped}`;
}

/** Every part of the window as one relation (bucket, agent_id, sums…), subtracted parts negated. */
function usageParts(filter: AgentUsageFilter, coarsest: Grain): Prisma.Sql {
  const parts = splitWindow(filter.window, filter.source.kind === "profiles" ? "day" : coarsest);
  const selects: Prisma.Sql[] = [];
  if (parts.months) selects.push(rollup("agent_usage_monthly", parts.months, filter));
  for (const days of parts.days) selects.push(rollup("agent_usage_daily", days, filter));
  for (const range of parts.live) selects.push(liveUsage(range, filter));
  const negated = Prisma.raw(agentSums.map((name) => `-l.${name}`).join(", "));
  for (const range of parts.minus) selects.push(Prisma.sql`SELECT l.bucket, l.agent_id, ${negated} FROM (${liveUsage(range, filter)}) l`);
  if (!selects.length) selects.push(Prisma.sql`SELECT NULL::date, NULL::uuid, 0, 0, 0, 0, 0, 0, 0, 0, 0 WHERE FALSE`);
  return Prisma.join(selects, " UNION ALL ");
}

const summed = Prisma.sql`
  sum(u.sessions)::int AS sessions, sum(u.runs)::int AS runs, sum(u.failed_runs)::int AS failed_runs, sum(u.timed_runs)::int AS timed_runs,
  sum(u.response_ms_total)::bigint AS response_ms_total, sum(u.input_tokens)::bigint AS input_tokens,
  sum(u.output_tokens)::bigint AS output_tokens, sum(u.cached_input_tokens)::bigint AS cached_input_tokens,
  coalesce(sum(u.cost), 0)::numeric AS cost`;

/** Usage per agent over the window (`day` null), or per agent and day with `perDay`. */
export function agentUsage(filter: AgentUsageFilter, perDay = false): Promise<AgentUsageRow[]> {
  const day = perDay ? Prisma.sql`to_char(u.bucket, 'YYYY-MM-DD')` : Prisma.sql`NULL::text`;
  return prisma.$queryRaw<AgentUsageRow[]>`
    SELECT u.agent_id::text AS agent_id, ${day} AS day, ${summed}
    FROM (${usageParts(filter, perDay ? "day" : "month")}) u (bucket, agent_id, sessions, runs, failed_runs, timed_runs, response_ms_total,
                                                           input_tokens, output_tokens, cached_input_tokens, cost)
    GROUP BY 1, 2
    HAVING sum(u.runs) <> 0 OR sum(u.sessions) <> 0
    ORDER BY 2, 1`;
}

/**
 * The start of each agent's latest run in the window. A TA's (without a model filter) comes from
 * their session_agents rows, which keep each agent's latest run per session; only a session that
 * runs past the window's end is read live. For cohorts, the latest day with a matching run comes
 * from the daily rollup, then that day's runs are walked back from its end until one matches
 * (aggregating the day read 47,000 runs at a million sessions: 1.4 s), the edges live. Never a walk
 * back through all of an agent's runs looking for one that matches the filters.
 */
export async function agentLastUsed(filter: AgentUsageFilter): Promise<Map<string, Date>> {
  const sql =
    filter.source.kind === "profiles" && filter.modelIds === null ? lastUsedInSessions(filter, filter.source.profileIds) : lastUsedByDay(filter);
  const rows = await prisma.$queryRaw<{ agent_id: string; last_at: Date | null }[]>`
    SELECT l.agent_id::text AS agent_id, max(l.last_at) AS last_at FROM (${sql}) l GROUP BY 1`;
  return new Map(rows.filter((row) => row.last_at !== null).map((row) => [row.agent_id, row.last_at as Date]));
}

function lastUsedInSessions(filter: AgentUsageFilter, profileIds: readonly string[] | null): Prisma.Sql {
  const { from, to } = filter.window;
  const started = (column: Prisma.Sql) => (from ? Prisma.sql`${column} >= ${from}::timestamptz` : Prisma.sql`TRUE`);
  const latest = to
    ? Prisma.sql`CASE WHEN sa.last_run_at < ${to}::timestamptz THEN sa.last_run_at ELSE (
        SELECT max(r.created_at) FROM groups g JOIN runs r ON r.group_id = g.id
        WHERE g.session_id = sa.session_id AND r.agent_id = sa.agent_id AND r.created_at < ${to}::timestamptz AND ${started(Prisma.sql`r.created_at`)}) END`
    : Prisma.sql`sa.last_run_at`;
  return Prisma.sql`
    SELECT sa.agent_id, ${latest} AS last_at FROM session_agents sa
    WHERE ${profileIn(Prisma.sql`sa.profile_id`, profileIds)} AND ${agentIs(Prisma.sql`sa.agent_id`, filter.agentId)}
      AND ${started(Prisma.sql`sa.last_run_at`)} AND ${to ? Prisma.sql`sa.first_run_at < ${to}::timestamptz` : Prisma.sql`TRUE`}`;
}

function lastUsedByDay(filter: AgentUsageFilter): Prisma.Sql {
  const source = filter.source;
  const { days, live } = wholeDaysAndEdges(filter.window);
  const latestDay =
    source.kind === "profiles"
      ? Prisma.sql`agent_usage_profile_daily u WHERE ${profileIn(Prisma.sql`u.profile_id`, source.profileIds)}`
      : Prisma.sql`agent_usage_daily u WHERE ${cohortIn(source, Prisma.sql`u.department_id`, Prisma.sql`u.ta_role`)}`;
  const selects = live.map((range) => Prisma.sql`SELECT r.agent_id, max(r.created_at) AS last_at FROM ${runsIn(range, filter)} GROUP BY 1`);
  if (days) {
    const owner = ownedBy(Prisma.sql`(SELECT gs.profile_id FROM group_stats gs WHERE gs.group_id = r.group_id)`, source);
    selects.push(Prisma.sql`
      SELECT a.id AS agent_id, last_run.at AS last_at
      FROM agents a
      CROSS JOIN LATERAL (
        SELECT u.day FROM ${latestDay}
          AND u.agent_id = a.id AND u.runs > 0 AND ${dayRange(Prisma.sql`u.day`, days)} AND ${modelIn(Prisma.sql`u.model_id`, filter.modelIds)}
        ORDER BY u.day DESC LIMIT 1) last_day
      CROSS JOIN LATERAL (
        SELECT r.created_at AS at FROM runs r
        WHERE r.agent_id = a.id AND r.created_at >= (last_day.day::timestamp AT TIME ZONE 'UTC')
          AND r.created_at < ((last_day.day + 1)::timestamp AT TIME ZONE 'UTC')
          AND ${modelIn(Prisma.sql`r.model_id`, filter.modelIds)} AND ${owner}
        ORDER BY r.created_at DESC LIMIT 1) last_run
      WHERE ${agentIs(Prisma.sql`a.id`, filter.agentId)}`);
  }
  if (!selects.length) return Prisma.sql`SELECT NULL::uuid AS agent_id, NULL::timestamptz AS last_at WHERE FALSE`;
  return Prisma.join(selects, " UNION ALL ");
}
