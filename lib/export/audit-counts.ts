import "server-only";
// The row counts an export's audit record carries, written before the first byte leaves. A session's
// or a group's export is small enough to count exactly. An export of everything would spend longer
// counting than a client waits for a first byte (tens of seconds for tens of millions of messages),
// so it reads what the summaries keep (per session, and per day for sign-ins, grants and emulations)
// and counts only the profiles; uploads and tool calls are left to the manifest, which has every
// file's exact count when the export completes.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { ExportScope, ExportTarget } from "./scope";
import type { ExportEntityName, ExportRequest } from "./schemas";
import { peopleCounts, sessionTreeCounts } from "./sql";

export type AuditCounts = Partial<Record<ExportEntityName, number>>;

/** Entities an export of everything leaves out of its audit counts (the manifest has them). */
export const uncountedBeforeExport: readonly ExportEntityName[] = ["uploads", "tool_calls"];

export async function auditCounts(
  db: PrismaClient,
  actor: Actor,
  request: ExportRequest,
  target: ExportTarget,
  scope: ExportScope,
  entities: readonly ExportEntityName[],
): Promise<AuditCounts> {
  if (target.type !== "all") return exactCounts(db, scope, entities);
  const [profiles, tree, people] = await Promise.all([
    db.profile.count({ where: scope.profiles }),
    sessionTreeCounts(db, actor, request),
    peopleCounts(db, actor, request),
  ]);
  return { profiles, ...tree, ...people };
}

async function exactCounts(db: PrismaClient, scope: ExportScope, entities: readonly ExportEntityName[]): Promise<AuditCounts> {
  const counters: { [K in ExportEntityName]: (where: NonNullable<ExportScope[K]>) => Promise<number> } = {
    profiles: (where) => db.profile.count({ where }),
    sessions: ({ where }) => db.session.count({ where }),
    chats: ({ where }) => db.chat.count({ where }),
    attempts: ({ where }) => db.attempt.count({ where }),
    groups: ({ where }) => db.group.count({ where }),
    runs: ({ where }) => db.run.count({ where }),
    messages: ({ where }) => db.message.count({ where }),
    uploads: ({ where: links }) => db.upload.count({ where: { messages: { some: links } } }),
    tool_calls: ({ where }) => db.toolCall.count({ where }),
    problems: (where) => db.problem.count({ where }),
    logins: (where) => db.login.count({ where }),
    emulations: (where) => db.emulation.count({ where }),
    grants: (where) => db.grant.count({ where }),
  };
  const counts: AuditCounts = {};
  for (const entity of entities) {
    counts[entity] = await (counters[entity] as (where: unknown) => Promise<number>)(scope[entity]);
  }
  return counts;
}
