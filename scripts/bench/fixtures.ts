// What the bench needs in its database besides the data: callers with tokens (and a password for
// the signed-in pages), the ids its cases ask about, and an audit log of the size the issue names.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generateApiToken } from "@/lib/auth/api-token";
import { hashPassword } from "@/lib/auth/password";
import { longGroupName } from "@/prisma/seed/long-group";
import { ingestedSessionTitle } from "./ingest.ts";

export interface BenchCaller {
  profile_id: string;
  email: string;
  token: string;
}

export interface BenchWorld {
  admin: BenchCaller & { password: string };
  coordinator: BenchCaller;
  ta: BenchCaller;
  sessionId: string;
  groupId: string;
  longGroupId: string | null;
  longGroupMessages: number;
  departmentId: string;
  modelId: string;
  /** The agent in the most sessions, and the one in the fewest (an agent filter's worst case). */
  busyAgentId: string;
  rareAgentId: string;
  /** The latest whole calendar month with sessions, as YYYY-MM-DD bounds. */
  month: { date_from: string; date_to: string };
}

async function tokenFor(db: PrismaClient, profileId: string): Promise<string> {
  const token = generateApiToken();
  await db.apiToken.create({ data: { profile_id: profileId, name: "bench", token_hash: token.token_hash, token_prefix: token.token_prefix } });
  return token.token;
}

export async function prepareWorld(db: PrismaClient): Promise<BenchWorld> {
  const password = randomBytes(18).toString("base64url");
  const email = "bench-admin@glow.example";
  const department = await db.department.findFirstOrThrow({ orderBy: { id: "asc" } });
  const admin = await db.profile.upsert({
    where: { email },
    create: { name: "Bench Admin", email, access_level: "admin", password_hash: await hashPassword(password) },
    update: { password_hash: await hashPassword(password), disabled_at: null },
  });
  const coordinatorEmail = "bench-coordinator@glow.example";
  const coordinator = await db.profile.upsert({
    where: { email: coordinatorEmail },
    create: {
      name: "Bench Coordinator",
      email: coordinatorEmail,
      access_level: "coordinator",
      department_id: department.id,
      scoped_departments: { create: [{ department_id: department.id }] },
    },
    update: {},
  });
  const [busiest] = await db.$queryRaw<{ profile_id: string }[]>`
    SELECT profile_id::text AS profile_id FROM activity_monthly GROUP BY profile_id ORDER BY sum(sessions) DESC LIMIT 1`;
  const ta = await db.profile.findUniqueOrThrow({ where: { id: busiest!.profile_id } });
  // The newest seeded session with a few groups: the ingestion case's own sessions (500 runs each)
  // would make the detail cases measure something no seeded session is.
  const [newest] = await db.$queryRaw<Array<{ session_id: string; created_at: Date }>>`
    SELECT ss.session_id::text AS session_id, ss.created_at FROM session_stats ss JOIN sessions s ON s.id = ss.session_id
    WHERE ss.group_count > 1 AND s.title IS DISTINCT FROM ${ingestedSessionTitle}
    ORDER BY ss.created_at DESC, ss.session_id DESC LIMIT 1`;
  if (!newest) throw new Error("the bench database has no session with more than one group");
  const group = await db.groupStats.findFirstOrThrow({ where: { session_id: newest.session_id }, orderBy: { created_at: "asc" } });
  const long = await db.group.findFirst({ where: { name: longGroupName }, select: { id: true } });
  const longMessages = long
    ? Number(
        (
          await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM messages m JOIN runs r ON r.id = m.run_id WHERE r.group_id = ${long.id}::uuid`
        )[0]?.n ?? 0,
      )
    : 0;
  const model = await db.model.findFirstOrThrow({ orderBy: { name: "asc" } });
  const agentsBySessions = await db.$queryRaw<{ agent_id: string }[]>`
    SELECT agent_id::text AS agent_id FROM agent_usage_monthly GROUP BY agent_id HAVING sum(sessions) > 0 ORDER BY sum(sessions) DESC, agent_id`;
  if (!agentsBySessions.length) throw new Error("the bench database has no agent with sessions");
  const latest = newest.created_at;
  const monthStart = new Date(Date.UTC(latest.getUTCFullYear(), latest.getUTCMonth() - 1, 1));
  const monthEnd = new Date(Date.UTC(latest.getUTCFullYear(), latest.getUTCMonth(), 0));
  return {
    admin: { profile_id: admin.id, email, password, token: await tokenFor(db, admin.id) },
    coordinator: { profile_id: coordinator.id, email: coordinatorEmail, token: await tokenFor(db, coordinator.id) },
    ta: { profile_id: ta.id, email: ta.email, token: await tokenFor(db, ta.id) },
    sessionId: newest.session_id,
    groupId: group.group_id,
    longGroupId: long?.id ?? null,
    longGroupMessages: longMessages,
    departmentId: department.id,
    modelId: model.id,
    busyAgentId: agentsBySessions[0]!.agent_id,
    rareAgentId: agentsBySessions[agentsBySessions.length - 1]!.agent_id,
    month: { date_from: monthStart.toISOString().slice(0, 10), date_to: monthEnd.toISOString().slice(0, 10) },
  };
}

/**
 * Grows the audit log to about `rows`: reads of every session by the first admin, the same number
 * per session, spread over the session's life, as years of reviewing leave them. Returns its size.
 */
export async function fillAuditLog(db: PrismaClient, rows: number, log: (line: string) => void): Promise<number> {
  const count = async () => Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_logs`)[0]?.n ?? 0);
  const have = await count();
  const sessions = await db.sessionStats.count();
  const perSession = Math.ceil((rows - have) / Math.max(1, sessions));
  if (perSession <= 0 || sessions === 0) return have;
  const admin = await db.profile.findFirstOrThrow({ where: { access_level: "admin" }, orderBy: { created_at: "asc" } });
  const started = performance.now();
  const chunk = 100_000;
  let after = "00000000-0000-0000-0000-000000000000";
  for (let done = 0; done < sessions; done += chunk) {
    const [last] = await db.$queryRaw<{ last: string | null }[]>`
      WITH picked AS (SELECT session_id, created_at FROM session_stats WHERE session_id > ${after}::uuid ORDER BY session_id LIMIT ${chunk}),
      written AS (
        INSERT INTO audit_logs (id, actor_id, action, target_type, target_id, ip, request_id, created_at)
        SELECT gen_random_uuid(), ${admin.id}::uuid, 'session.read', 'session', p.session_id::text, '10.0.0.1', gen_random_uuid()::text,
               p.created_at + g.n * interval '17 minutes'
        FROM picked p CROSS JOIN generate_series(1, ${perSession}::int) AS g(n)
        RETURNING 1
      )
      SELECT (SELECT session_id::text FROM picked ORDER BY session_id DESC LIMIT 1) AS last, (SELECT count(*) FROM written) AS n`;
    if (!last?.last) break;
    after = last.last;
    const written = Math.min(done + chunk, sessions) * perSession;
    if ((done / chunk) % 10 === 9)
      log(
        `audit log: +${written.toLocaleString("en-US")} rows (${Math.round(written / ((performance.now() - started) / 1000)).toLocaleString("en-US")}/s)`,
      );
  }
  await db.$executeRaw`ANALYZE audit_logs`;
  return count();
}
