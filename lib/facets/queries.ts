import "server-only";
// What every filter menu offers (departments, roles, the TA picker), in one cheap read: the same
// facets /system/activity answers, without the activity counts the menus never show.
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { profileSetSql } from "@/lib/auth/profile-set";
import { getAnalytics } from "@/lib/activity/queries";
import type { ActivityResponse, ProfileResource } from "@/lib/activity/schemas";

export type FilterFacetsData = Pick<ActivityResponse, "analytics" | "resources">;

/**
 * The analytics facets plus the profiles a picker lists: every TA in scope and anyone else in scope
 * who has ever been active (the profiles /system/activity would list for all time).
 */
export async function getFilterFacets(actor: Actor): Promise<FilterFacetsData> {
  const [analytics, profiles] = await Promise.all([
    getAnalytics(actor),
    prisma.$queryRaw<ProfileResource[]>`
      SELECT p.id::text AS profile_id, p.name, p.email, p.department_id, d.name AS department_name,
             p.ta_role::text AS ta_role, p.access_level::text AS access_level
      FROM profiles p LEFT JOIN departments d ON d.id = p.department_id
      WHERE ${profileSetSql(actor, {}, "p")}
        AND (p.access_level = 'ta' OR EXISTS (
          SELECT 1 FROM activity_monthly a
          WHERE a.profile_id = p.id AND a.sessions + a.chats + a.attempts + a.logins + a.grants + a.problems > 0))`,
  ]);
  return { analytics, resources: Object.fromEntries(profiles.map((profile) => [profile.profile_id, profile])) };
}
