import "server-only";
// The activity summary in one statement: the profile set, joined to its event counts summed from
// the rollups of the window (monthly and daily kept counts, sub-day edges live; lib/summaries).
import type { Actor } from "@/lib/auth/actor";
import { dateWindow } from "@/lib/api/common-schemas";
import { prisma } from "@/lib/db";
import { activityParts } from "@/lib/summaries/rollup-sql";
import { splitWindow, type Grain } from "@/lib/summaries/window";
import { profileSetSql, type ProfileSetFilters, type WindowFilters } from "@/lib/auth/profile-set";

export interface ProfileActivityRow {
  profile_id: string;
  name: string;
  email: string;
  department_id: string | null;
  department_name: string | null;
  ta_role: "head_ta" | "graduate_ta" | "undergraduate_ta" | null;
  access_level: "admin" | "coordinator" | "ta";
  sessions_count: number;
  chats_count: number;
  attempts_count: number;
  /** Successful sign-ins. */
  logins_count: number;
  failed_logins_count: number;
  grants_count: number;
  emulations_count: number;
  problems_count: number;
}

/**
 * One row per profile of the set (including all-zero ones), with its event counts in the window.
 * `coarsest: "live"` reads the base tables only: the reference the rollups are tested against.
 */
export function profileActivityRows(
  actor: Actor,
  filters: ProfileSetFilters & WindowFilters,
  profileIds: readonly string[] | null,
  coarsest: Grain = "month",
): Promise<ProfileActivityRow[]> {
  const { from, toExclusive } = dateWindow(filters);
  const parts = activityParts(splitWindow({ from, to: toExclusive }, coarsest), { kind: "profiles", profileIds }, [
    "sessions",
    "chats",
    "attempts",
    "logins",
    "failed_logins",
    "grants",
    "emulations",
    "problems",
  ]);
  return prisma.$queryRaw<ProfileActivityRow[]>`
    WITH totals AS (
      SELECT a.profile_id, sum(a.sessions) AS sessions, sum(a.chats) AS chats, sum(a.attempts) AS attempts,
             sum(a.logins) AS logins, sum(a.failed_logins) AS failed_logins, sum(a.grants) AS grants, sum(a.emulations) AS emulations, sum(a.problems) AS problems
      FROM (${parts}) a GROUP BY a.profile_id
    )
    SELECT p.id::text AS profile_id, p.name, p.email, p.department_id, d.name AS department_name,
           p.ta_role::text AS ta_role, p.access_level::text AS access_level,
           coalesce(t.sessions, 0)::int AS sessions_count, coalesce(t.chats, 0)::int AS chats_count,
           coalesce(t.attempts, 0)::int AS attempts_count, coalesce(t.logins - t.failed_logins, 0)::int AS logins_count,
           coalesce(t.failed_logins, 0)::int AS failed_logins_count,
           coalesce(t.grants, 0)::int AS grants_count, coalesce(t.emulations, 0)::int AS emulations_count,
           coalesce(t.problems, 0)::int AS problems_count
    FROM profiles p
    LEFT JOIN departments d ON d.id = p.department_id
    LEFT JOIN totals t ON t.profile_id = p.id
    WHERE ${profileSetSql(actor, filters, "p")}`;
}
