import "server-only";
// "The profile set" of the activity filters: the profiles the actor may see (lib/auth/scope.ts)
// that match department_ids and roles. Prisma queries use the where-input; the raw-SQL summaries use
// the SQL form, which mirrors visibleProfiles() clause for clause (the scope tests cover both).
import { Prisma } from "@/lib/generated/prisma/client";
import { dateWindow } from "@/lib/api/common-schemas";
import type { Actor } from "@/lib/auth/actor";
import { visibleProfiles } from "@/lib/auth/scope";
import { prisma } from "@/lib/db";
import type { TaRole } from "@/lib/generated/prisma/enums";
import type { SummarySource } from "@/lib/summaries/rollup-sql";

export interface ProfileSetFilters {
  department_ids?: string[];
  roles?: TaRole[];
}

export interface WindowFilters {
  date_from?: string;
  date_to?: string;
}

// An empty array is what a multi-select with nothing ticked sends: it means "no filter", not "none".
const selected = <T>(values: T[] | undefined): values is T[] => values !== undefined && values.length > 0;

export function profileSetWhere(actor: Actor, filters: ProfileSetFilters): Prisma.ProfileWhereInput {
  const clauses: Prisma.ProfileWhereInput[] = [visibleProfiles(actor)];
  if (selected(filters.department_ids)) clauses.push({ department_id: { in: filters.department_ids } });
  if (selected(filters.roles)) clauses.push({ ta_role: { in: filters.roles } });
  return { AND: clauses };
}

/** Conditions on the `profiles` row aliased `alias` (e.g. "p"), AND-ed; always a valid boolean. */
export function profileSetSql(actor: Actor, filters: ProfileSetFilters, alias: string): Prisma.Sql {
  const p = Prisma.raw(`"${alias}"`);
  const clauses: Prisma.Sql[] = [];
  if (actor.access_level === "coordinator") clauses.push(anyOf(Prisma.sql`${p}.department_id`, actor.department_ids));
  if (actor.access_level === "ta") clauses.push(Prisma.sql`${p}.id = ${actor.profile_id}::uuid`);
  if (selected(filters.department_ids)) clauses.push(anyOf(Prisma.sql`${p}.department_id`, filters.department_ids));
  if (selected(filters.roles)) clauses.push(Prisma.sql`${p}.ta_role::text = ANY(${filters.roles}::text[])`);
  return clauses.length ? Prisma.join(clauses, " AND ") : Prisma.sql`TRUE`;
}

function anyOf(column: Prisma.Sql, values: readonly string[]): Prisma.Sql {
  // A coordinator without departments sees nobody: `= ANY('{}')` is false, as Prisma's `in: []` is.
  return Prisma.sql`${column} = ANY(${[...values]}::text[])`;
}

/** `column` within the body's [date_from, date_to] window; TRUE when the body has no window. */
export function windowSql(column: Prisma.Sql, filters: WindowFilters): Prisma.Sql {
  const { from, toExclusive } = dateWindow(filters);
  const clauses: Prisma.Sql[] = [];
  if (from) clauses.push(Prisma.sql`${column} >= ${from}::timestamptz`);
  if (toExclusive) clauses.push(Prisma.sql`${column} < ${toExclusive}::timestamptz`);
  return clauses.length ? Prisma.join(clauses, " AND ") : Prisma.sql`TRUE`;
}

/** The same window as a Prisma DateTime filter (undefined when the body has no window). */
export function windowWhere(filters: WindowFilters): Prisma.DateTimeFilter | undefined {
  const { from, toExclusive } = dateWindow(filters);
  if (!from && !toExclusive) return undefined;
  return { ...(from ? { gte: from } : {}), ...(toExclusive ? { lt: toExclusive } : {}) };
}

/** Sessions whose owner is in the profile set; `{}` when that is every session (admin, no filters). */
export function sessionOwnerWhere(actor: Actor, filters: ProfileSetFilters): Prisma.SessionWhereInput {
  const unfiltered = actor.access_level === "admin" && !selected(filters.department_ids) && !selected(filters.roles);
  return unfiltered ? {} : { profile: profileSetWhere(actor, filters) };
}

/**
 * The ids of the profile set, or null when it is every profile (an admin without department or
 * role filters). Summary queries take the ids as an array, so the planner estimates each filter
 * from the column statistics instead of guessing a join's selectivity.
 */
export async function profileSetIds(actor: Actor, filters: ProfileSetFilters): Promise<string[] | null> {
  if (actor.access_level === "admin" && !selected(filters.department_ids) && !selected(filters.roles)) return null;
  const rows = await prisma.profile.findMany({ where: profileSetWhere(actor, filters), select: { id: true } });
  return rows.map((row) => row.id);
}

/**
 * The profile set as cohorts when it is one (everyone, or departments and roles: admins and
 * coordinators), else as its profile ids (a TA, whose set is themselves). Totals read the cohort
 * rollups; answers per profile need profileSetIds.
 */
export async function summarySource(actor: Actor, filters: ProfileSetFilters): Promise<SummarySource> {
  if (actor.access_level === "ta") return { kind: "profiles", profileIds: await profileSetIds(actor, filters) };
  const chosen = selected(filters.department_ids) ? filters.department_ids : null;
  const departmentIds = actor.access_level === "coordinator" ? actor.department_ids.filter((id) => !chosen || chosen.includes(id)) : chosen;
  return { kind: "cohorts", departmentIds, roles: selected(filters.roles) ? filters.roles : null };
}
