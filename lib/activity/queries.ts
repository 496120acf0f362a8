import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { visibleProfiles, visibleSessions } from "@/lib/auth/scope";
import { prisma } from "@/lib/db";
import type { ActivityRequest, ActivityResponse, ProfileResource, ProfileSummaryItem } from "./schemas";
import { profileActivityRows, type ProfileActivityRow } from "./sql";

const roleOrder = ["head_ta", "graduate_ta", "undergraduate_ta"] as const;

export async function getActivity(actor: Actor, body: ActivityRequest): Promise<ActivityResponse> {
  const [rows, analytics] = await Promise.all([profileActivityRows(actor, body), getAnalytics(actor)]);

  const sum = (pick: (row: ProfileActivityRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const activity = (row: ProfileActivityRow) => row.sessions_count + row.chats_count + row.attempts_count + row.logins_count;
  const listed = rows.filter(
    (row) => row.access_level === "ta" || activity(row) > 0 || row.grants_count > 0 || row.problems_count > 0,
  );

  const profile_summary: ProfileSummaryItem[] = listed
    .map((row) => ({
      profile_id: row.profile_id,
      profile_name: row.name,
      sessions_count: row.sessions_count,
      logins_count: row.logins_count,
      grants_count: row.grants_count,
      problems_count: row.problems_count,
      activity_count: activity(row),
    }))
    .sort(
      (a, b) =>
        b.activity_count - a.activity_count ||
        compareText(a.profile_name, b.profile_name) ||
        compareText(a.profile_id, b.profile_id),
    );

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
    emulations_count: sum((row) => row.emulations_count),
    profile_summary,
    resources,
    analytics,
  };
}

// Code-point order, so the order does not depend on the server's locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function getAnalytics(actor: Actor): Promise<ActivityResponse["analytics"]> {
  const profiles = visibleProfiles(actor);
  const [departments, byDepartment, byRole, dates] = await Promise.all([
    prisma.department.findMany({
      where: actor.access_level === "admin" ? {} : { id: { in: actor.department_ids } },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    prisma.profile.groupBy({ by: ["department_id"], where: profiles, _count: { _all: true } }),
    prisma.profile.groupBy({ by: ["ta_role"], where: { AND: [profiles, { ta_role: { not: null } }] }, _count: { _all: true } }),
    prisma.session.aggregate({ where: visibleSessions(actor), _min: { created_at: true }, _max: { created_at: true } }),
  ]);
  const perDepartment = new Map(byDepartment.map((row) => [row.department_id, row._count._all]));
  const perRole = new Map(byRole.map((row) => [row.ta_role, row._count._all]));
  return {
    departments: departments.map((d) => ({ department_id: d.id, name: d.name, profile_count: perDepartment.get(d.id) ?? 0 })),
    roles: roleOrder.filter((role) => perRole.has(role)).map((role) => ({ role, profile_count: perRole.get(role) ?? 0 })),
    min_date: dates._min.created_at?.toISOString() ?? null,
    max_date: dates._max.created_at?.toISOString() ?? null,
  };
}
