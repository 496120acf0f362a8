import "server-only";
// The session list in SQL, because sorting by aggregates (runs, tokens, cost, ...) cannot be said
// in Prisma. First the page's ids are chosen (pageIds), then every aggregate is computed for those
// page_size sessions only.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db";
import { profileSetSql, windowSql } from "@/lib/activity/profile-set";
import type { ListSessionsRequest, SessionSortKey } from "./schemas";

export interface SessionListRow {
  session_id: string;
  profile_id: string;
  profile_name: string;
  title: string | null;
  department_id: string | null;
  department_name: string | null;
  session_created_at: Date;
  session_updated_at: Date;
  ended_at: Date | null;
  active: boolean;
  group_count: number;
  run_count: number;
  chat_count: number;
  attempt_count: number;
  message_count: number;
  total_tokens: bigint;
  total_cost: Prisma.Decimal;
  problem_count: number;
  open_problem_count: number;
}

const sessionColumns: Partial<Record<SessionSortKey, Prisma.Sql>> = {
  session_created_at: Prisma.sql`s.created_at`,
  session_updated_at: Prisma.sql`s.updated_at`,
  profile_name: Prisma.sql`p.name`,
};

// One grouped aggregate per child table over the sessions of the CTE `set`, keyed by session_id.
// Both the sort phase and the page's stats use these same definitions, so they cannot disagree.
type Source = "groups" | "runs" | "messages" | "chats" | "attempts" | "problems";
const sources: Record<Source, (set: Prisma.Sql) => Prisma.Sql> = {
  groups: (set) => Prisma.sql`
    SELECT g.session_id, count(*)::int AS group_count FROM groups g
    WHERE g.session_id IN (SELECT id FROM ${set}) GROUP BY g.session_id`,
  runs: (set) => Prisma.sql`
    SELECT g.session_id, count(*)::int AS run_count,
           sum(r.input_tokens::bigint + r.output_tokens)::bigint AS total_tokens, sum(r.cost) AS total_cost
    FROM runs r JOIN groups g ON g.id = r.group_id
    WHERE g.session_id IN (SELECT id FROM ${set}) GROUP BY g.session_id`,
  messages: (set) => Prisma.sql`
    SELECT g.session_id, count(*)::int AS message_count
    FROM messages m JOIN runs r ON r.id = m.run_id JOIN groups g ON g.id = r.group_id
    WHERE g.session_id IN (SELECT id FROM ${set}) GROUP BY g.session_id`,
  chats: (set) => Prisma.sql`
    SELECT c.session_id, count(*)::int AS chat_count FROM chats c
    WHERE c.session_id IN (SELECT id FROM ${set}) GROUP BY c.session_id`,
  attempts: (set) => Prisma.sql`
    SELECT a.session_id, count(*)::int AS attempt_count FROM attempts a
    WHERE a.session_id IN (SELECT id FROM ${set}) GROUP BY a.session_id`,
  problems: (set) => Prisma.sql`
    SELECT pr.session_id, count(*)::int AS problem_count, (count(*) FILTER (WHERE NOT pr.resolved))::int AS open_problem_count
    FROM problems pr WHERE pr.session_id IN (SELECT id FROM ${set}) GROUP BY pr.session_id`,
};

const aggregateSorts: Partial<Record<SessionSortKey, { source: Source; column: Prisma.Sql }>> = {
  group_count: { source: "groups", column: Prisma.sql`k.group_count` },
  run_count: { source: "runs", column: Prisma.sql`k.run_count` },
  total_tokens: { source: "runs", column: Prisma.sql`k.total_tokens` },
  total_cost: { source: "runs", column: Prisma.sql`k.total_cost` },
  message_count: { source: "messages", column: Prisma.sql`k.message_count` },
  chat_count: { source: "chats", column: Prisma.sql`k.chat_count` },
  attempt_count: { source: "attempts", column: Prisma.sql`k.attempt_count` },
  problem_count: { source: "problems", column: Prisma.sql`k.problem_count` },
};

function matching(actor: Actor, body: ListSessionsRequest): Prisma.Sql {
  const clauses = [profileSetSql(actor, body, "p"), windowSql(Prisma.sql`s.created_at`, body)];
  if (body.active !== undefined) clauses.push(Prisma.sql`s.active = ${body.active}`);
  if (body.profile_id) clauses.push(Prisma.sql`s.profile_id = ${body.profile_id}::uuid`);
  return Prisma.join(clauses, " AND ");
}

/**
 * The page's session ids as CTE `ids (id, rn)`, rn being the position in the requested order.
 * Sorting by a session column walks an index and stops after the page; sorting by an aggregate
 * computes only that one aggregate over every matching session, then cuts the page.
 */
function pageIds(actor: Actor, body: ListSessionsRequest): Prisma.Sql {
  const dir = body.sort_order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const limit = Prisma.sql`LIMIT ${body.page_size} OFFSET ${(body.page - 1) * body.page_size}`;
  const sessionColumn = sessionColumns[body.sort_by];
  if (sessionColumn) {
    return Prisma.sql`
      ids AS MATERIALIZED (
        SELECT s.id, row_number() OVER (ORDER BY ${sessionColumn} ${dir}, s.id ${dir}) AS rn
        FROM sessions s JOIN profiles p ON p.id = s.profile_id
        WHERE ${matching(actor, body)}
        ORDER BY ${sessionColumn} ${dir}, s.id ${dir} ${limit}
      )`;
  }
  const sort = aggregateSorts[body.sort_by];
  if (!sort) throw new Error(`No SQL for sort_by ${body.sort_by}`);
  const value = Prisma.sql`coalesce(${sort.column}, 0)`;
  return Prisma.sql`
    matching AS MATERIALIZED (
      SELECT s.id FROM sessions s JOIN profiles p ON p.id = s.profile_id WHERE ${matching(actor, body)}
    ),
    ids AS MATERIALIZED (
      SELECT m.id, row_number() OVER (ORDER BY ${value} ${dir}, m.id ${dir}) AS rn
      FROM matching m LEFT JOIN (${sources[sort.source](Prisma.raw("matching"))}) k ON k.session_id = m.id
      ORDER BY ${value} ${dir}, m.id ${dir} ${limit}
    )`;
}

export function sessionListRows(actor: Actor, body: ListSessionsRequest): Promise<SessionListRow[]> {
  const ids = Prisma.raw("ids");
  return prisma.$queryRaw<SessionListRow[]>`
    WITH ${pageIds(actor, body)}
    SELECT s.id::text AS session_id, s.profile_id::text AS profile_id, p.name AS profile_name, s.title,
           p.department_id, d.name AS department_name,
           s.created_at AS session_created_at, s.updated_at AS session_updated_at, s.ended_at, s.active,
           coalesce(gs.group_count, 0) AS group_count, coalesce(rs.run_count, 0) AS run_count,
           coalesce(cs.chat_count, 0) AS chat_count, coalesce(ats.attempt_count, 0) AS attempt_count,
           coalesce(ms.message_count, 0) AS message_count,
           coalesce(rs.total_tokens, 0)::bigint AS total_tokens, coalesce(rs.total_cost, 0) AS total_cost,
           coalesce(ps.problem_count, 0) AS problem_count, coalesce(ps.open_problem_count, 0) AS open_problem_count
    FROM ids
    JOIN sessions s ON s.id = ids.id
    JOIN profiles p ON p.id = s.profile_id
    LEFT JOIN departments d ON d.id = p.department_id
    LEFT JOIN (${sources.groups(ids)}) gs ON gs.session_id = ids.id
    LEFT JOIN (${sources.runs(ids)}) rs ON rs.session_id = ids.id
    LEFT JOIN (${sources.messages(ids)}) ms ON ms.session_id = ids.id
    LEFT JOIN (${sources.chats(ids)}) cs ON cs.session_id = ids.id
    LEFT JOIN (${sources.attempts(ids)}) ats ON ats.session_id = ids.id
    LEFT JOIN (${sources.problems(ids)}) ps ON ps.session_id = ids.id
    ORDER BY ids.rn`;
}

export async function countSessions(actor: Actor, body: ListSessionsRequest): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM sessions s JOIN profiles p ON p.id = s.profile_id WHERE ${matching(actor, body)}`;
  return row?.n ?? 0;
}
