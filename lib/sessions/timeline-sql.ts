import "server-only";
// A session's timeline, derived in one statement from the rows themselves (nothing is stored twice):
// one UNION ALL branch per event type. `rank` orders events at the same instant causally (a run
// starts before it finishes, a problem is flagged before it is resolved); entity_id makes it total.
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import type { SessionTimelineItem } from "./schemas";

interface TimelineRow {
  event_type: SessionTimelineItem["event_type"];
  entity_id: string;
  entity_name: string | null;
  created_at: Date;
  extra_1: string | null;
  extra_2: string | null;
}

export async function sessionTimeline(sessionId: string): Promise<SessionTimelineItem[]> {
  const id = Prisma.sql`${sessionId}::uuid`;
  const rows = await prisma.$queryRaw<TimelineRow[]>`
    SELECT event_type, entity_id, entity_name, created_at, extra_1, extra_2 FROM (
      SELECT 'session_started'::text AS event_type, 0 AS rank, s.id::text AS entity_id, s.title AS entity_name,
             s.created_at, NULL::text AS extra_1, NULL::text AS extra_2
      FROM sessions s WHERE s.id = ${id}
      UNION ALL
      SELECT 'chat_started', 1, c.id::text, c.name, c.created_at, ag.name, NULL
      FROM chats c LEFT JOIN agents ag ON ag.id = c.agent_id WHERE c.session_id = ${id}
      UNION ALL
      SELECT 'attempt_started', 2, a.id::text, a.name, a.created_at, NULL, NULL
      FROM attempts a WHERE a.session_id = ${id}
      UNION ALL
      SELECT 'group_created', 3, g.id::text, g.name, g.created_at, NULL, NULL
      FROM groups g WHERE g.session_id = ${id}
      UNION ALL
      SELECT 'run_started', 4, r.id::text, ag.name, r.created_at, m.name, NULL
      FROM runs r JOIN groups g ON g.id = r.group_id JOIN agents ag ON ag.id = r.agent_id JOIN models m ON m.id = r.model_id
      WHERE g.session_id = ${id}
      UNION ALL
      SELECT CASE r.status WHEN 'failed' THEN 'run_failed' WHEN 'cancelled' THEN 'run_cancelled' ELSE 'run_finished' END,
             5, r.id::text, ag.name,
             coalesce(r.finished_at, r.created_at + r.duration_ms * interval '1 millisecond', r.created_at),
             m.name,
             CASE WHEN r.status = 'succeeded' THEN (r.input_tokens::bigint + r.output_tokens)::text ELSE r.error END
      FROM runs r JOIN groups g ON g.id = r.group_id JOIN agents ag ON ag.id = r.agent_id JOIN models m ON m.id = r.model_id
      WHERE g.session_id = ${id} AND r.status <> 'running'
      UNION ALL
      SELECT 'attempt_scored', 6, a.id::text, a.name, coalesce(a.submitted_at, a.created_at), a.score::text, NULL
      FROM attempts a WHERE a.session_id = ${id} AND a.score IS NOT NULL
      UNION ALL
      SELECT 'problem_flagged', 7, pr.id::text, pr.description, pr.created_at, pr.kind::text, pr.severity::text
      FROM problems pr WHERE pr.session_id = ${id}
      UNION ALL
      SELECT 'problem_resolved', 8, pr.id::text, pr.description, pr.resolved_at, rp.name, NULL
      FROM problems pr LEFT JOIN profiles rp ON rp.id = pr.resolved_by_id
      WHERE pr.session_id = ${id} AND pr.resolved AND pr.resolved_at IS NOT NULL
      UNION ALL
      SELECT 'session_ended', 9, s.id::text, s.title, s.ended_at, NULL, NULL
      FROM sessions s WHERE s.id = ${id} AND s.ended_at IS NOT NULL
    ) events
    ORDER BY created_at, rank, entity_id`;
  return rows.map((row) => ({ ...row, created_at: row.created_at.toISOString() }));
}
