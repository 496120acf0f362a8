import "server-only";
// The rollups of a time window as one relation: monthly rows for the whole months, daily rows for
// the other whole days, and the sub-day edges aggregated live from the base tables, added or (the
// outside part of an edge day read whole) subtracted as negative rows (see window.ts). Every part
// has the same columns, so a reader sums and groups over the union without caring where a row came
// from; it must not count rows or take min/max, since a subtracted part is rows of negative counts
// (filter with HAVING sum(...) > 0). `bucket` is the month's or the day's first day.
import { Prisma } from "@/lib/generated/prisma/client";
import type { DayRange, InstantRange, WindowParts } from "./window";

export const activityCounts = [
  "sessions",
  "active_sessions",
  "chats",
  "attempts",
  "groups",
  "logins",
  "failed_logins",
  "grants",
  "emulations",
  "problems",
  "open_problems",
] as const;
export type ActivityCount = (typeof activityCounts)[number];

export const usageSums = ["runs", "input_tokens", "output_tokens", "cached_input_tokens", "cost"] as const;
type UsageSum = (typeof usageSums)[number];

/**
 * Whose events a reader sums: the profiles of a set (null: everyone), or whole cohorts (a profile's
 * department and TA role), which the cohort rollups answer with a few rows per day instead of one
 * per profile. Null departments or roles mean "any". Only per-profile answers need "profiles".
 */
export type SummarySource =
  | { kind: "profiles"; profileIds: readonly string[] | null }
  | { kind: "cohorts"; departmentIds: readonly string[] | null; roles: readonly string[] | null };

/** Whose kept counts a list total sums: one profile when the list asks for one, else the cohorts. */
export function countSource(profileIds: readonly string[] | null, summary: SummarySource, profileId: string | undefined): SummarySource {
  if (!profileId) return summary;
  return { kind: "profiles", profileIds: profileIds === null || profileIds.includes(profileId) ? [profileId] : [] };
}

/** `column = ANY(ids)`, or TRUE when every profile counts (null). */
export function profileIn(column: Prisma.Sql, profileIds: readonly string[] | null): Prisma.Sql {
  return profileIds === null ? Prisma.sql`TRUE` : Prisma.sql`${column} = ANY(${[...profileIds]}::uuid[])`;
}

export function dayRange(column: Prisma.Sql, range: DayRange): Prisma.Sql {
  const clauses = [Prisma.sql`TRUE`];
  if (range.from) clauses.push(Prisma.sql`${column} >= ${range.from}::date`);
  if (range.to) clauses.push(Prisma.sql`${column} < ${range.to}::date`);
  return Prisma.join(clauses, " AND ");
}

export function instantRange(column: Prisma.Sql, range: InstantRange): Prisma.Sql {
  const clauses = [Prisma.sql`TRUE`];
  if (range.from) clauses.push(Prisma.sql`${column} >= ${range.from}::timestamptz`);
  if (range.to) clauses.push(Prisma.sql`${column} < ${range.to}::timestamptz`);
  return Prisma.join(clauses, " AND ");
}

/** A select list of every activity count, 0 except the ones given. */
function activityColumns(values: Partial<Record<ActivityCount, Prisma.Sql>>): Prisma.Sql {
  return Prisma.join(activityCounts.map((name) => Prisma.sql`(${values[name] ?? Prisma.sql`0`})::int AS ${Prisma.raw(name)}`));
}

const count = Prisma.sql`count(*)`;

/** Activity events in `range`, per day and profile, straight from the base tables. */
function liveActivity(range: InstantRange, source: SummarySource, wanted: readonly ActivityCount[]): Prisma.Sql {
  // Cohorts are found through the profile: its department and role as they are now.
  const owned = (profile: Prisma.Sql) =>
    source.kind === "profiles"
      ? profileIn(profile, source.profileIds)
      : Prisma.sql`EXISTS (SELECT 1 FROM profiles op WHERE op.id = ${profile} AND ${cohortIn(source, Prisma.sql`coalesce(op.department_id, '')`, Prisma.sql`coalesce(op.ta_role::text, '')`)})`;
  const perDay = (column: Prisma.Sql) => Prisma.sql`glow_utc_day(${column})`;
  // The owner is a scalar subquery (a primary-key probe per row): as a join, the planner hashed all
  // the sessions for a few thousand rows of an edge (0.6 s at a million sessions).
  const ownedBy = (table: string, alias: string, at: string, values: Partial<Record<ActivityCount, Prisma.Sql>>) => {
    const t = Prisma.raw(alias);
    return Prisma.sql`
      SELECT ${perDay(Prisma.raw(`${alias}.${at}`))} AS bucket, ${Prisma.raw(alias)}.profile_id, ${activityColumns(values)}
      FROM (SELECT t.*, (SELECT s.profile_id FROM sessions s WHERE s.id = t.session_id) AS profile_id
            FROM ${Prisma.raw(table)} t WHERE ${instantRange(Prisma.raw(`t.${at}`), range)}) ${t}
      WHERE ${owned(Prisma.sql`${t}.profile_id`)}
      GROUP BY 1, 2`;
  };
  const own = (table: string, alias: string, at: string, profile: string, values: Partial<Record<ActivityCount, Prisma.Sql>>) => {
    const column = Prisma.raw(`${alias}.${profile}`);
    return Prisma.sql`
      SELECT ${perDay(Prisma.raw(`${alias}.${at}`))} AS bucket, ${column} AS profile_id, ${activityColumns(values)}
      FROM ${Prisma.raw(table)} ${Prisma.raw(alias)}
      WHERE ${instantRange(Prisma.raw(`${alias}.${at}`), range)} AND ${column} IS NOT NULL AND ${owned(column)}
      GROUP BY 1, 2`;
  };
  const branches: Array<[ActivityCount[], () => Prisma.Sql]> = [
    [
      ["sessions", "active_sessions"],
      () => own("sessions", "s", "created_at", "profile_id", { sessions: count, active_sessions: Prisma.sql`count(*) FILTER (WHERE s.active)` }),
    ],
    [["chats"], () => ownedBy("chats", "c", "created_at", { chats: count })],
    [["attempts"], () => ownedBy("attempts", "a", "created_at", { attempts: count })],
    [["groups"], () => ownedBy("groups", "g", "created_at", { groups: count })],
    [
      ["logins", "failed_logins"],
      () => own("logins", "l", "created_at", "profile_id", { logins: count, failed_logins: Prisma.sql`count(*) FILTER (WHERE NOT l.succeeded)` }),
    ],
    [["grants"], () => own("grants", "gr", "created_at", "profile_id", { grants: count })],
    [["emulations"], () => own("emulations", "e", "started_at", "target_profile_id", { emulations: count })],
    [
      ["problems", "open_problems"],
      () => ownedBy("problems", "pr", "created_at", { problems: count, open_problems: Prisma.sql`count(*) FILTER (WHERE NOT pr.resolved)` }),
    ],
  ];
  // Counts nobody reads are left out: their branch would only add zeros.
  const needed = branches.filter(([produces]) => produces.some((name) => wanted.includes(name))).map(([, build]) => build());
  return Prisma.join(needed, " UNION ALL ");
}

/**
 * (bucket, profile_id, sessions, active_sessions, chats, attempts, groups, logins, failed_logins,
 * grants, emulations, problems, open_problems) of the window's parts, for the source's profiles;
 * profile_id is null in the rows of a cohort source. Live edges compute only the `wanted` counts
 * (the others read as 0 there).
 */
export function activityParts(parts: WindowParts, source: SummarySource, wanted: readonly ActivityCount[] = activityCounts): Prisma.Sql {
  const columns = Prisma.raw(activityCounts.join(", "));
  const selects: Prisma.Sql[] = [];
  const rollup = (table: string, bucket: string, range: DayRange) => {
    const b = Prisma.raw(bucket);
    if (source.kind === "cohorts") {
      return Prisma.sql`SELECT ${b} AS bucket, NULL::uuid AS profile_id, ${columns} FROM ${Prisma.raw(`${table}_cohort`)}
        WHERE ${dayRange(b, range)} AND ${cohortIn(source, Prisma.sql`department_id`, Prisma.sql`ta_role`)}`;
    }
    return Prisma.sql`SELECT ${b} AS bucket, profile_id, ${columns} FROM ${Prisma.raw(table)}
      WHERE ${dayRange(b, range)} AND ${profileIn(Prisma.sql`profile_id`, source.profileIds)}`;
  };
  if (parts.months) selects.push(rollup("activity_monthly", "month", parts.months));
  for (const days of parts.days) selects.push(rollup("activity_daily", "day", days));
  for (const range of parts.live) {
    const live = liveActivity(range, source, wanted);
    selects.push(source.kind === "cohorts" ? Prisma.sql`SELECT bucket, NULL::uuid AS profile_id, ${columns} FROM (${live}) l` : live);
  }
  const negated = Prisma.raw(activityCounts.map((name) => `(-l.${name})::int AS ${name}`).join(", "));
  for (const range of parts.minus) {
    const profile = source.kind === "cohorts" ? Prisma.sql`NULL::uuid` : Prisma.sql`l.profile_id`;
    selects.push(Prisma.sql`SELECT l.bucket, ${profile} AS profile_id, ${negated} FROM (${liveActivity(range, source, wanted)}) l`);
  }
  if (!selects.length) {
    selects.push(Prisma.sql`SELECT NULL::date AS bucket, NULL::uuid AS profile_id, ${activityColumns({})} WHERE FALSE`);
  }
  return Prisma.join(selects, " UNION ALL ");
}

function usageColumns(values: Record<UsageSum, Prisma.Sql>): Prisma.Sql {
  const casts: Record<UsageSum, string> = {
    runs: "int",
    input_tokens: "bigint",
    output_tokens: "bigint",
    cached_input_tokens: "bigint",
    cost: "numeric",
  };
  return Prisma.join(usageSums.map((name) => Prisma.sql`(${values[name]})::${Prisma.raw(casts[name])} AS ${Prisma.raw(name)}`));
}

export function cohortIn(source: Extract<SummarySource, { kind: "cohorts" }>, department: Prisma.Sql, role: Prisma.Sql): Prisma.Sql {
  const clauses = [Prisma.sql`TRUE`];
  if (source.departmentIds) clauses.push(Prisma.sql`${department} = ANY(${[...source.departmentIds]}::text[])`);
  if (source.roles) clauses.push(Prisma.sql`${role} = ANY(${[...source.roles]}::text[])`);
  return Prisma.join(clauses, " AND ");
}

/** Runs started in `range`, per day, department and model, straight from the base tables. */
function liveUsage(range: InstantRange, source: SummarySource): Prisma.Sql {
  const owner =
    source.kind === "cohorts"
      ? cohortIn(source, Prisma.sql`coalesce(p.department_id, '')`, Prisma.sql`coalesce(p.ta_role::text, '')`)
      : profileIn(Prisma.sql`r.owner_id`, source.profileIds);
  return Prisma.sql`
    SELECT glow_utc_day(r.created_at) AS bucket, p.department_id, r.model_id, ${usageColumns({
      runs: Prisma.sql`count(*)`,
      input_tokens: Prisma.sql`sum(r.input_tokens)`,
      output_tokens: Prisma.sql`sum(r.output_tokens)`,
      cached_input_tokens: Prisma.sql`sum(r.cached_input_tokens)`,
      cost: Prisma.sql`sum(r.cost)`,
    })}
    FROM (SELECT r.*, (SELECT s.profile_id FROM groups g JOIN sessions s ON s.id = g.session_id WHERE g.id = r.group_id) AS owner_id
          FROM runs r WHERE ${instantRange(Prisma.sql`r.created_at`, range)}) r
    JOIN profiles p ON p.id = r.owner_id
    WHERE ${owner}
    GROUP BY 1, 2, 3`;
}

/**
 * (bucket, department_id, model_id, runs, input_tokens, output_tokens, cached_input_tokens, cost) of
 * the window's parts for the runs of the source's sessions, by the run's start; department_id is
 * the session owner's (null for none).
 */
export function usageParts(parts: WindowParts, source: SummarySource): Prisma.Sql {
  const columns = Prisma.raw(usageSums.join(", "));
  const selects: Prisma.Sql[] = [];
  const rollup = (table: string, bucket: string, range: DayRange) => {
    const b = Prisma.raw(bucket);
    if (source.kind === "cohorts") {
      return Prisma.sql`SELECT ${b} AS bucket, nullif(department_id, '') AS department_id, model_id, ${columns} FROM ${Prisma.raw(`${table}_cohort`)}
        WHERE ${dayRange(b, range)} AND ${cohortIn(source, Prisma.sql`department_id`, Prisma.sql`ta_role`)}`;
    }
    return Prisma.sql`SELECT u.${b} AS bucket, p.department_id, u.model_id, ${Prisma.raw(usageSums.map((c) => `u.${c}`).join(", "))}
      FROM ${Prisma.raw(table)} u JOIN profiles p ON p.id = u.profile_id
      WHERE ${dayRange(Prisma.raw(`u.${bucket}`), range)} AND ${profileIn(Prisma.sql`u.profile_id`, source.profileIds)}`;
  };
  if (parts.months) selects.push(rollup("usage_monthly", "month", parts.months));
  for (const days of parts.days) selects.push(rollup("usage_daily", "day", days));
  for (const range of parts.live) selects.push(liveUsage(range, source));
  const negated = Prisma.raw(usageSums.map((name) => `-l.${name} AS ${name}`).join(", "));
  for (const range of parts.minus) {
    selects.push(Prisma.sql`SELECT l.bucket, l.department_id, l.model_id, ${negated} FROM (${liveUsage(range, source)}) l`);
  }
  if (!selects.length) {
    selects.push(
      Prisma.sql`SELECT NULL::date AS bucket, NULL::text AS department_id, NULL::uuid AS model_id, ${usageColumns({
        runs: Prisma.sql`0`,
        input_tokens: Prisma.sql`0`,
        output_tokens: Prisma.sql`0`,
        cached_input_tokens: Prisma.sql`0`,
        cost: Prisma.sql`0`,
      })} WHERE FALSE`,
    );
  }
  return Prisma.join(selects, " UNION ALL ");
}
