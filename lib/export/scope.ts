import "server-only";
// Which rows an export covers, as one Prisma filter per entity. Every filter descends from the
// actor's scope (lib/auth/scope.ts via the activity profile set), so an export can never hold a row
// the same actor could not read through the other endpoints.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { profileSetWhere, windowWhere } from "@/lib/activity/profile-set";
import type { ExportEntityName, ExportRequest } from "./schemas";
import { messageScopeSql } from "./sql";

export type ExportTarget =
  | { type: "all"; id: null }
  | { type: "session"; id: string; profile_id: string }
  | { type: "group"; id: string; session_id: string; profile_id: string };

export interface ExportScope {
  profiles: Prisma.ProfileWhereInput;
  sessions: Prisma.SessionWhereInput;
  chats: Prisma.ChatWhereInput | null;
  attempts: Prisma.AttemptWhereInput | null;
  groups: Prisma.GroupWhereInput;
  runs: Prisma.RunWhereInput;
  /** Messages are read with one SQL query per batch (sql.ts); `where` is the same scope for Prisma. */
  messages: { where: Prisma.MessageWhereInput; sql: Prisma.Sql };
  /** The links that bring an upload into the export: uploads of the exported messages. */
  uploads: Prisma.MessageUploadWhereInput;
  tool_calls: Prisma.ToolCallWhereInput;
  problems: Prisma.ProblemWhereInput;
  logins: Prisma.LoginWhereInput | null;
  emulations: Prisma.EmulationWhereInput | null;
  grants: Prisma.GrantWhereInput | null;
}

/** The entities an export of this target writes, in ZIP order (null filters are left out). */
export function exportedEntities(scope: ExportScope): ExportEntityName[] {
  return (Object.keys(scope) as ExportEntityName[]).filter((name) => scope[name] !== null);
}

export function exportScope(actor: Actor, body: ExportRequest, target: ExportTarget): ExportScope {
  const sql = messageScopeSql(actor, body, target);
  if (target.type === "session") return sessionScope(target, sql);
  if (target.type === "group") return groupScope(target, sql);

  const filtered = Boolean(body.department_ids?.length || body.roles?.length);
  const window = windowWhere(body);
  // Admin with no filters exports whole tables: plain filters keep every batch an index range scan.
  const everything = actor.access_level === "admin" && !filtered;
  const profiles = profileSetWhere(actor, body);
  const ofProfiles = everything ? {} : { profile: profiles };
  const sessions: Prisma.SessionWhereInput = { AND: [ofProfiles, window ? { created_at: window } : {}] };
  const allSessions = everything && !window;
  const inSessions = allSessions ? {} : { session: sessions };
  const groups: Prisma.GroupWhereInput = inSessions;
  const runs: Prisma.RunWhereInput = allSessions ? {} : { group: groups };
  const messages: Prisma.MessageWhereInput = allSessions ? {} : { run: runs };
  return {
    profiles,
    sessions,
    chats: inSessions,
    attempts: inSessions,
    groups,
    runs,
    messages: { where: messages, sql },
    uploads: allSessions ? {} : { message: messages },
    tool_calls: allSessions ? {} : { message: messages },
    problems: inSessions,
    logins: { AND: [{ profile: profiles }, window ? { created_at: window } : {}] },
    emulations: { AND: [{ target: profiles }, window ? { started_at: window } : {}] },
    grants: { AND: [{ profile: profiles }, window ? { created_at: window } : {}] },
  };
}

function sessionScope(target: { id: string; profile_id: string }, sql: Prisma.Sql): ExportScope {
  const messages: Prisma.MessageWhereInput = { run: { group: { session_id: target.id } } };
  return {
    profiles: { id: target.profile_id },
    sessions: { id: target.id },
    chats: { session_id: target.id },
    attempts: { session_id: target.id },
    groups: { session_id: target.id },
    runs: { group: { session_id: target.id } },
    messages: { where: messages, sql },
    uploads: { message: messages },
    tool_calls: { message: messages },
    problems: { session_id: target.id },
    logins: null,
    emulations: null,
    grants: null,
  };
}

function groupScope(target: { id: string; session_id: string; profile_id: string }, sql: Prisma.Sql): ExportScope {
  const messages: Prisma.MessageWhereInput = { run: { group_id: target.id } };
  return {
    profiles: { id: target.profile_id },
    sessions: { id: target.session_id },
    chats: null,
    attempts: null,
    groups: { id: target.id },
    runs: { group_id: target.id },
    messages: { where: messages, sql },
    uploads: { message: messages },
    tool_calls: { message: messages },
    problems: { OR: [{ group_id: target.id }, { run: { group_id: target.id } }] },
    logins: null,
    emulations: null,
    grants: null,
  };
}
