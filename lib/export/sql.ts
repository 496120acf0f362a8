import "server-only";
// The export queries Prisma cannot make fast. Messages with their run, group, session and uploads:
// through Prisma that is five round trips per batch with IN-lists (about 4x slower on 240k messages,
// measured with the export benchmark of session 1); here it is one keyset query. And the audit
// record's counts of an export of everything, from the kept summaries. The scope mirrors
// scope.ts clause for clause (profileSetSql mirrors visibleProfiles); the export tests compare both.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { profileSetSql, summarySource, windowSql } from "@/lib/activity/profile-set";
import { dateWindow } from "@/lib/api/common-schemas";
import { activityParts } from "@/lib/summaries/rollup-sql";
import { splitWindow } from "@/lib/summaries/window";
import type { ExportTarget } from "./scope";
import type { ExportRequest } from "./schemas";

/** Conditions on messages m, runs r, groups g, sessions s and profiles p for the export's scope. */
export function messageScopeSql(actor: Actor, body: ExportRequest, target: ExportTarget): Prisma.Sql {
  if (target.type === "session") return Prisma.sql`g.session_id = ${target.id}::uuid`;
  if (target.type === "group") return Prisma.sql`r.group_id = ${target.id}::uuid`;
  return Prisma.sql`${profileSetSql(actor, body, "p")} AND ${windowSql(Prisma.sql`s.created_at`, body)}`;
}

export interface MessageRow {
  id: string;
  run_id: string;
  group_id: string;
  session_id: string;
  profile_id: string;
  role: string;
  position: number;
  created_at: Date;
  uploads: { id: string; kind: string; storage_key: string; byte_size: number }[];
}

export function messagesAfter(db: PrismaClient, scope: Prisma.Sql, afterId: string | undefined, take: number): Promise<MessageRow[]> {
  const after = afterId ? Prisma.sql`m.id > ${afterId}::uuid` : Prisma.sql`TRUE`;
  return db.$queryRaw<MessageRow[]>`
    SELECT m.id, m.run_id, r.group_id, g.session_id, r.profile_id, m.role::text AS role, m.position, m.created_at,
      coalesce((
        SELECT json_agg(json_build_object('id', u.id, 'kind', u.kind, 'storage_key', u.storage_key, 'byte_size', u.byte_size) ORDER BY mu.position)
        FROM message_uploads mu JOIN uploads u ON u.id = mu.upload_id
        WHERE mu.message_id = m.id
      ), '[]'::json) AS uploads
    FROM messages m
    JOIN runs r ON r.id = m.run_id
    JOIN groups g ON g.id = r.group_id
    JOIN sessions s ON s.id = g.session_id
    JOIN profiles p ON p.id = s.profile_id
    WHERE ${after} AND ${scope}
    ORDER BY m.id
    LIMIT ${take}`;
}

export interface SessionTreeCounts {
  sessions: number;
  chats: number;
  attempts: number;
  groups: number;
  runs: number;
  messages: number;
  problems: number;
}

/**
 * How many sessions an export of everything holds and what hangs off them, summed from session_stats
 * (kept in the writing transaction, so equal to counting the rows) instead of counting tens of
 * millions of messages. Same profile set and window on the session's created_at as messageScopeSql.
 */
export async function sessionTreeCounts(db: PrismaClient, actor: Actor, body: ExportRequest): Promise<SessionTreeCounts> {
  const [row] = await db.$queryRaw<SessionTreeCounts[]>`
    SELECT count(*)::int AS sessions, coalesce(sum(ss.chat_count), 0)::int AS chats, coalesce(sum(ss.attempt_count), 0)::int AS attempts,
           coalesce(sum(ss.group_count), 0)::int AS groups, coalesce(sum(ss.run_count), 0)::int AS runs,
           coalesce(sum(ss.message_count), 0)::int AS messages, coalesce(sum(ss.problem_count), 0)::int AS problems
    FROM session_stats ss
    JOIN profiles p ON p.id = ss.profile_id
    WHERE ${profileSetSql(actor, body, "p")} AND ${windowSql(Prisma.sql`ss.created_at`, body)}`;
  if (!row) throw new Error("an aggregate without GROUP BY always returns a row");
  return row;
}

export interface PeopleCounts {
  logins: number;
  grants: number;
  emulations: number;
}

/**
 * Sign-ins, grants and emulations of the export's profiles in its window, from the activity rollups
 * (the same counts /system/activity answers), instead of counting half a million sign-ins.
 */
export async function peopleCounts(db: PrismaClient, actor: Actor, body: ExportRequest): Promise<PeopleCounts> {
  const { from, toExclusive } = dateWindow(body);
  const parts = activityParts(splitWindow({ from, to: toExclusive }), await summarySource(actor, body), ["logins", "grants", "emulations"]);
  const [row] = await db.$queryRaw<PeopleCounts[]>`
    SELECT coalesce(sum(a.logins), 0)::int AS logins, coalesce(sum(a.grants), 0)::int AS grants, coalesce(sum(a.emulations), 0)::int AS emulations
    FROM (${parts}) a`;
  if (!row) throw new Error("an aggregate without GROUP BY always returns a row");
  return row;
}
