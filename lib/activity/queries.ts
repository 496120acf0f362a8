import "server-only";
import { auditListRead } from "@/lib/audit/list-read";
import type { Actor } from "@/lib/auth/actor";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Grain } from "@/lib/summaries/window";
import { prisma } from "@/lib/db";
import type { ActivityRequest, ActivityResponse, ProfileResource, ProfileSummaryItem } from "./schemas";
import { profileSetIds, profileSetSql } from "@/lib/auth/profile-set";
import { profileActivityRows, type ProfileActivityRow } from "./sql";

const roleOrder = ["head_ta", "graduate_ta", "undergraduate_ta"] as const;

/** One audit row per call: the filters and the people shown (lib/audit/list-read.ts). */
export async function getActivity(actor: Actor, body: ActivityRequest, coarsest: Grain = "month"): Promise<ActivityResponse> {
  const answer = await getActivityUnaudited(actor, body, coarsest);
  await auditListRead(
    actor,
    "activity.read",
    body,
    answer.profile_summary.map((item) => item.profile_id),
  );
  return answer;
}

async function getActivityUnaudited(actor: Actor, body: ActivityRequest, coarsest: Grain = "month"): Promise<ActivityResponse> {
  const dataAsOf = new Date().toISOString();
  const profileIds = await profileSetIds(actor, body);
  const [rows, analytics] = await Promise.all([profileActivityRows(actor, body, profileIds, coarsest), getAnalytics(actor)]);

  const sum = (pick: (row: ProfileActivityRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const activity = (row: ProfileActivityRow) => row.sessions_count + row.chats_count + row.attempts_count + row.logins_count;
  const listed = rows.filter(
    (row) => row.access_level === "ta" || activity(row) > 0 || row.failed_logins_count > 0 || row.grants_count > 0 || row.problems_count > 0,
  );

  const profile_summary: ProfileSummaryItem[] = listed
    .map((row) => ({
      profile_id: row.profile_id,
      profile_name: row.name,
      sessions_count: row.sessions_count,
      logins_count: row.logins_count,
      failed_logins_count: row.failed_logins_count,
      grants_count: row.grants_count,
      problems_count: row.problems_count,
      activity_count: activity(row),
    }))
    .sort((a, b) => b.activity_count - a.activity_count || compareText(a.profile_name, b.profile_name) || compareText(a.profile_id, b.profile_id));

  const resources: Record<string, ProfileResource> = {};
  for (const row of listed) {
    resources[row.profile_id] = {
      profile_id: row.profile_id,
      name: row.name,
      email: row.email,
      department_id: row.department_id,
      department_name: row.department_name,
      ta_role: row.ta_role,
      access_level: row.access_level,
    };
  }

  return {
    sessions_count: sum((row) => row.sessions_count),
    active_profiles_count: rows.filter((row) => row.sessions_count > 0).length,
    logins_count: sum((row) => row.logins_count),
    failed_logins_count: sum((row) => row.failed_logins_count),
    emulations_count: sum((row) => row.emulations_count),
    profile_summary,
    resources,
    analytics,
    data_as_of: dataAsOf,
  };
}

// Code-point order, so the order does not depend on the server's locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface AnalyticsRow {
  departments: Array<{ department_id: string; name: string; profile_count: number }>;
  roles: Array<{ role: (typeof roleOrder)[number]; profile_count: number }>;
}

/**
 * The filter facets in one statement (every list and chart page asks for them): the departments
 * the actor may filter by with their visible profiles, the TA roles present, and the date range.
 */
export async function getAnalytics(actor: Actor): Promise<ActivityResponse["analytics"]> {
  const departmentScope = actor.access_level === "admin" ? Prisma.sql`TRUE` : Prisma.sql`d.id = ANY(${actor.department_ids}::text[])`;
  const [[facets], dates] = await Promise.all([
    prisma.$queryRaw<AnalyticsRow[]>`
      WITH visible AS (SELECT p.department_id, p.ta_role FROM profiles p WHERE ${profileSetSql(actor, {}, "p")})
      SELECT
        coalesce((SELECT json_agg(json_build_object('department_id', d.id, 'name', d.name,
                    'profile_count', (SELECT count(*) FROM visible v WHERE v.department_id = d.id)) ORDER BY d.name, d.id)
                  FROM departments d WHERE ${departmentScope}), '[]') AS departments,
        coalesce((SELECT json_agg(json_build_object('role', r.role, 'profile_count', r.n) ORDER BY r.role)
                  FROM (SELECT ta_role::text AS role, count(*) AS n FROM visible WHERE ta_role IS NOT NULL GROUP BY ta_role) r), '[]') AS roles`,
    sessionDateRange(actor),
  ]);
  const byRole = new Map((facets?.roles ?? []).map((row) => [row.role, row.profile_count]));
  return {
    departments: facets?.departments ?? [],
    roles: roleOrder.filter((role) => byRole.has(role)).map((role) => ({ role, profile_count: byRole.get(role) ?? 0 })),
    min_date: dates.min?.toISOString() ?? null,
    max_date: dates.max?.toISOString() ?? null,
  };
}

/**
 * The first and last session start the actor may see. Everyone's: the two ends of the created_at
 * index. A scope's: the two ends of each profile's (profile_id, created_at) range, so a small
 * department never scans the whole index looking for its first session.
 */
async function sessionDateRange(actor: Actor): Promise<{ min: Date | null; max: Date | null }> {
  const scope = actor.access_level === "admin" ? Prisma.sql`TRUE` : profileSetSql(actor, {}, "p");
  const rows =
    actor.access_level === "admin"
      ? await prisma.$queryRaw<{ min: Date | null; max: Date | null }[]>`
          SELECT (SELECT min(created_at) FROM session_stats) AS min, (SELECT max(created_at) FROM session_stats) AS max`
      : await prisma.$queryRaw<{ min: Date | null; max: Date | null }[]>`
          SELECT min(ends.first) AS min, max(ends.last) AS max
          FROM profiles p CROSS JOIN LATERAL (
            SELECT (SELECT min(x.created_at) FROM session_stats x WHERE x.profile_id = p.id) AS first,
                   (SELECT max(x.created_at) FROM session_stats x WHERE x.profile_id = p.id) AS last
          ) ends
          WHERE ${scope}`;
  return rows[0] ?? { min: null, max: null };
}
