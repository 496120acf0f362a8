import "server-only";
// Export rows of sessions and what hangs off them directly: chats, attempts, groups, problems.
import type { Prisma } from "@/lib/generated/prisma/client";
import { iso, nameOf, type EntityDefinition } from "./entity";
import { pageAfter } from "./keyset";

const sessionOwner = { select: { profile_id: true, profile: nameOf } } as const;

export const sessionsEntity: EntityDefinition<Prisma.SessionWhereInput> = {
  columns: ["id", "profile_id", "profile_name", "profile_email", "department_id", "title", "tags", "active", "created_at", "updated_at", "ended_at"],
  fetch: async ({ db }, where, afterId, take) =>
    (
      await db.session.findMany({
        ...pageAfter(where, afterId, take),
        include: { profile: { select: { name: true, email: true, department_id: true } } },
      })
    ).map((s) => ({
      id: s.id,
      profile_id: s.profile_id,
      profile_name: s.profile.name,
      profile_email: s.profile.email,
      department_id: s.profile.department_id,
      title: s.title,
      tags: s.tags,
      active: s.active,
      created_at: iso(s.created_at),
      updated_at: iso(s.updated_at),
      ended_at: iso(s.ended_at),
    })),
};

export const chatsEntity: EntityDefinition<Prisma.ChatWhereInput> = {
  columns: ["id", "session_id", "profile_id", "profile_name", "agent_id", "agent_name", "name", "created_at"],
  fetch: async ({ db }, where, afterId, take) =>
    (await db.chat.findMany({ ...pageAfter(where, afterId, take), include: { session: sessionOwner, agent: nameOf } })).map((c) => ({
      id: c.id,
      session_id: c.session_id,
      profile_id: c.session.profile_id,
      profile_name: c.session.profile.name,
      agent_id: c.agent_id,
      agent_name: c.agent?.name ?? null,
      name: c.name,
      created_at: iso(c.created_at),
    })),
};

export const attemptsEntity: EntityDefinition<Prisma.AttemptWhereInput> = {
  columns: ["id", "session_id", "profile_id", "profile_name", "chat_id", "chat_name", "name", "score", "created_at", "submitted_at"],
  fetch: async ({ db }, where, afterId, take) =>
    (await db.attempt.findMany({ ...pageAfter(where, afterId, take), include: { session: sessionOwner, chat: nameOf } })).map((a) => ({
      id: a.id,
      session_id: a.session_id,
      profile_id: a.session.profile_id,
      profile_name: a.session.profile.name,
      chat_id: a.chat_id,
      chat_name: a.chat?.name ?? null,
      name: a.name,
      score: a.score === null ? null : a.score.toFixed(),
      created_at: iso(a.created_at),
      submitted_at: iso(a.submitted_at),
    })),
};

export const groupsEntity: EntityDefinition<Prisma.GroupWhereInput> = {
  columns: ["id", "session_id", "profile_id", "profile_name", "name", "created_at"],
  fetch: async ({ db }, where, afterId, take) =>
    (await db.group.findMany({ ...pageAfter(where, afterId, take), include: { session: sessionOwner } })).map((g) => ({
      id: g.id,
      session_id: g.session_id,
      profile_id: g.session.profile_id,
      profile_name: g.session.profile.name,
      name: g.name,
      created_at: iso(g.created_at),
    })),
};

export const problemsEntity: EntityDefinition<Prisma.ProblemWhereInput> = {
  columns: [
    "id", "session_id", "group_id", "run_id", "profile_id", "profile_name", "kind", "severity", "description",
    "flagged_by_id", "flagged_by_name", "resolved", "resolved_by_id", "resolved_by_name", "resolved_at", "created_at", "updated_at",
  ],
  fetch: async ({ db }, where, afterId, take) =>
    (
      await db.problem.findMany({
        ...pageAfter(where, afterId, take),
        include: { session: sessionOwner, flagged_by: nameOf, resolved_by: nameOf },
      })
    ).map((p) => ({
      id: p.id,
      session_id: p.session_id,
      group_id: p.group_id,
      run_id: p.run_id,
      profile_id: p.session.profile_id,
      profile_name: p.session.profile.name,
      kind: p.kind,
      severity: p.severity,
      description: p.description,
      flagged_by_id: p.flagged_by_id,
      flagged_by_name: p.flagged_by?.name ?? null,
      resolved: p.resolved,
      resolved_by_id: p.resolved_by_id,
      resolved_by_name: p.resolved_by?.name ?? null,
      resolved_at: iso(p.resolved_at),
      created_at: iso(p.created_at),
      updated_at: iso(p.updated_at),
    })),
};
