import "server-only";
// The audit record's counts of an export of everything, from the kept summaries: the same profile
// set and window as the export's rows (rows-sql.ts), summed instead of counted.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { profileSetSql, summarySource, windowSql } from "@/lib/auth/profile-set";
import { dateWindow } from "@/lib/api/common-schemas";
import { activityParts } from "@/lib/summaries/rollup-sql";
import { splitWindow } from "@/lib/summaries/window";
import type { ExportRequest } from "./schemas";

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
