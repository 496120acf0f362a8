import "server-only";
// The activity summary in one statement: the profile set, then one grouped count per event table,
// joined back to the set. Each table is read once with a hash or index join, never once per profile.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { profileSetSql, windowSql, type ProfileSetFilters, type WindowFilters } from "./profile-set";

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
  logins_count: number;
  grants_count: number;
  emulations_count: number;
  problems_count: number;
}

/** One row per profile of the set (including all-zero ones), with its event counts in the window. */
export function profileActivityRows(actor: Actor, filters: ProfileSetFilters & WindowFilters): Promise<ProfileActivityRow[]> {
  const inWindow = (column: string) => windowSql(Prisma.raw(column), filters);
  return prisma.$queryRaw<ProfileActivityRow[]>`
    WITH profile_set AS (
      SELECT p.id FROM profiles p WHERE ${profileSetSql(actor, filters, "p")}
    ),
    s AS (
      SELECT s.profile_id, count(*)::int AS n FROM sessions s JOIN profile_set ps ON ps.id = s.profile_id
      WHERE ${inWindow("s.created_at")} GROUP BY s.profile_id
    ),
    c AS (
      SELECT s.profile_id, count(*)::int AS n FROM chats c
      JOIN sessions s ON s.id = c.session_id JOIN profile_set ps ON ps.id = s.profile_id
      WHERE ${inWindow("c.created_at")} GROUP BY s.profile_id
    ),
    a AS (
      SELECT s.profile_id, count(*)::int AS n FROM attempts a
      JOIN sessions s ON s.id = a.session_id JOIN profile_set ps ON ps.id = s.profile_id
      WHERE ${inWindow("a.created_at")} GROUP BY s.profile_id
    ),
    l AS (
      SELECT l.profile_id, count(*)::int AS n FROM logins l JOIN profile_set ps ON ps.id = l.profile_id
      WHERE ${inWindow("l.created_at")} GROUP BY l.profile_id
    ),
    g AS (
      SELECT g.profile_id, count(*)::int AS n FROM grants g JOIN profile_set ps ON ps.id = g.profile_id
      WHERE ${inWindow("g.created_at")} GROUP BY g.profile_id
    ),
    e AS (
      SELECT e.target_profile_id AS profile_id, count(*)::int AS n FROM emulations e
      JOIN profile_set ps ON ps.id = e.target_profile_id
      WHERE ${inWindow("e.started_at")} GROUP BY e.target_profile_id
    ),
    pr AS (
      SELECT s.profile_id, count(*)::int AS n FROM problems pr
      JOIN sessions s ON s.id = pr.session_id JOIN profile_set ps ON ps.id = s.profile_id
      WHERE ${inWindow("pr.created_at")} GROUP BY s.profile_id
    )
    SELECT p.id::text AS profile_id, p.name, p.email, p.department_id, d.name AS department_name,
           p.ta_role::text AS ta_role, p.access_level::text AS access_level,
           coalesce(s.n, 0) AS sessions_count, coalesce(c.n, 0) AS chats_count, coalesce(a.n, 0) AS attempts_count,
           coalesce(l.n, 0) AS logins_count, coalesce(g.n, 0) AS grants_count, coalesce(e.n, 0) AS emulations_count,
           coalesce(pr.n, 0) AS problems_count
    FROM profile_set ps
    JOIN profiles p ON p.id = ps.id
    LEFT JOIN departments d ON d.id = p.department_id
    LEFT JOIN s ON s.profile_id = p.id
    LEFT JOIN c ON c.profile_id = p.id
    LEFT JOIN a ON a.profile_id = p.id
    LEFT JOIN l ON l.profile_id = p.id
    LEFT JOIN g ON g.profile_id = p.id
    LEFT JOIN e ON e.profile_id = p.id
    LEFT JOIN pr ON pr.profile_id = p.id`;
}
