import "server-only";
// Which rows an export covers: one Prisma filter per entity, and for everything under a session the
// same scope in SQL (rows-sql.ts reads those rows). Every filter descends from the actor's scope
// (lib/auth/scope.ts via the activity profile set), so an export can never hold a row the same
// actor could not read through the other endpoints.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { profileSetWhere, windowWhere } from "@/lib/auth/profile-set";
import { treeScope, type TreeScope } from "./rows-sql";
import type { ExportEntityName, ExportRequest } from "./schemas";

export type ExportTarget =
  | { type: "all"; id: null }
  | { type: "session"; id: string; profile_id: string }
  | { type: "group"; id: string; session_id: string; profile_id: string };

/** An entity under a session: its Prisma filter (for counting) and the export's scope in SQL (for its rows). */
export interface TreeEntityScope<W> {
  where: W;
  sql: TreeScope;
}

export interface ExportScope {
  profiles: Prisma.ProfileWhereInput;
  sessions: TreeEntityScope<Prisma.SessionWhereInput>;
  chats: TreeEntityScope<Prisma.ChatWhereInput> | null;
  attempts: TreeEntityScope<Prisma.AttemptWhereInput> | null;
  groups: TreeEntityScope<Prisma.GroupWhereInput>;
  runs: TreeEntityScope<Prisma.RunWhereInput>;
  messages: TreeEntityScope<Prisma.MessageWhereInput>;
  /** The links that bring an upload into the export: uploads of the exported messages. */
  uploads: TreeEntityScope<Prisma.MessageUploadWhereInput>;
  tool_calls: TreeEntityScope<Prisma.ToolCallWhereInput>;
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
  const sql = treeScope(actor, body, target);
  const tree = <W>(where: W): TreeEntityScope<W> => ({ where, sql });
  if (target.type === "session") return sessionScope(target, tree);
  if (target.type === "group") return groupScope(target, tree);

  const filtered = Boolean(body.department_ids?.length || body.roles?.length);
  const window = windowWhere(body);
  // Admin with no filters exports whole tables: plain filters keep every batch an index range scan.
  const everything = actor.access_level === "admin" && !filtered;
  const profiles = profileSetWhere(actor, body);
  const ofProfiles = everything ? {} : { profile: profiles };
  const sessions: Prisma.SessionWhereInput = { AND: [ofProfiles, window ? { created_at: window } : {}] };
  // The same decision the SQL scope made (no filter at all), so both read whole tables alike.
  const allSessions = sql.everything;
  const inSessions = allSessions ? {} : { session: sessions };
  const groups: Prisma.GroupWhereInput = inSessions;
  const runs: Prisma.RunWhereInput = allSessions ? {} : { group: groups };
  const messages: Prisma.MessageWhereInput = allSessions ? {} : { run: runs };
  return {
    profiles,
    sessions: tree(sessions),
    chats: tree(inSessions),
    attempts: tree(inSessions),
    groups: tree(groups),
    runs: tree(runs),
    messages: tree(messages),
    uploads: tree(allSessions ? {} : { message: messages }),
    tool_calls: tree(allSessions ? {} : { message: messages }),
    problems: inSessions,
    logins: { AND: [{ profile: profiles }, window ? { created_at: window } : {}] },
    emulations: { AND: [{ target: profiles }, window ? { started_at: window } : {}] },
    grants: { AND: [{ profile: profiles }, window ? { created_at: window } : {}] },
  };
}

type Tree = <W>(where: W) => TreeEntityScope<W>;

function sessionScope(target: { id: string; profile_id: string }, tree: Tree): ExportScope {
  const messages: Prisma.MessageWhereInput = { run: { group: { session_id: target.id } } };
  return {
    profiles: { id: target.profile_id },
    sessions: tree({ id: target.id }),
    chats: tree({ session_id: target.id }),
    attempts: tree({ session_id: target.id }),
    groups: tree({ session_id: target.id }),
    runs: tree({ group: { session_id: target.id } }),
    messages: tree(messages),
    uploads: tree({ message: messages }),
    tool_calls: tree({ message: messages }),
    problems: { session_id: target.id },
    logins: null,
    emulations: null,
    grants: null,
  };
}

function groupScope(target: { id: string; session_id: string; profile_id: string }, tree: Tree): ExportScope {
  const messages: Prisma.MessageWhereInput = { run: { group_id: target.id } };
  return {
    profiles: { id: target.profile_id },
    sessions: tree({ id: target.session_id }),
    chats: null,
    attempts: null,
    groups: tree({ id: target.id }),
    runs: tree({ group_id: target.id }),
    messages: tree(messages),
    uploads: tree({ message: messages }),
    tool_calls: tree({ message: messages }),
    problems: { OR: [{ group_id: target.id }, { run: { group_id: target.id } }] },
    logins: null,
    emulations: null,
    grants: null,
  };
}
