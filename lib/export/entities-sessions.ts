import "server-only";
// Export rows of sessions and what hangs off them directly: chats, attempts, groups (rows-sql.ts),
// and problems (few, through Prisma).
import type { Prisma } from "@/lib/generated/prisma/client";
import { iso, nameOf, treeEntity, type EntityDefinition } from "./entity";
import { pageAfter } from "./keyset";
import { attemptRows, chatRows, groupRows, sessionRows } from "./rows-sql";

const sessionOwner = { select: { profile_id: true, profile: nameOf } } as const;

export const sessionsEntity = treeEntity(
  ["id", "profile_id", "profile_name", "profile_email", "department_id", "title", "tags", "active", "created_at", "updated_at", "ended_at"],
  sessionRows,
);

export const chatsEntity = treeEntity(["id", "session_id", "profile_id", "profile_name", "agent_id", "agent_name", "name", "created_at"], chatRows);

export const attemptsEntity = treeEntity(
  ["id", "session_id", "profile_id", "profile_name", "chat_id", "chat_name", "name", "score", "created_at", "submitted_at"],
  attemptRows,
);

export const groupsEntity = treeEntity(["id", "session_id", "profile_id", "profile_name", "name", "created_at"], groupRows);

export const problemsEntity: EntityDefinition<Prisma.ProblemWhereInput> = {
  columns: [
    "id",
    "session_id",
    "group_id",
    "run_id",
    "profile_id",
    "profile_name",
    "kind",
    "severity",
    "description",
    "flagged_by_id",
    "flagged_by_name",
    "resolved",
    "resolved_by_id",
    "resolved_by_name",
    "resolved_at",
    "created_at",
    "updated_at",
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
