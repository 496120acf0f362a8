import "server-only";
// The export's bulk rows in SQL: everything under a session (sessions, chats, attempts, groups,
// runs, messages, uploads, tool calls), one keyset page per statement, each row already shaped as
// its export line (column names, ISO times, exact decimals as text). Through Prisma the same pages
// cost 3–5× as long (90–150 ms against 21–35 ms for 1,000 runs with their names, measured on the
// 10,000-session set), and building its objects kept the server's heap growing during an export.
// The scope mirrors scope.ts clause for clause; the export tests check both give the same rows.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { profileSetSql, windowSql } from "@/lib/auth/profile-set";
import type { ExportRow } from "./csv";
import type { ExportTarget } from "./scope";
import type { ExportRequest } from "./schemas";

/**
 * Which sessions (`s`, with their owner `p`) and which of their groups (`g`) an export covers.
 * `everything` (an admin's unfiltered export of all) lets a query skip the joins that only filter.
 */
export interface TreeScope {
  everything: boolean;
  sessions: Prisma.Sql;
  groups: Prisma.Sql;
}

export function treeScope(actor: Actor, body: ExportRequest, target: ExportTarget): TreeScope {
  if (target.type === "session") return { everything: false, sessions: Prisma.sql`s.id = ${target.id}::uuid`, groups: Prisma.sql`TRUE` };
  if (target.type === "group") {
    return { everything: false, sessions: Prisma.sql`s.id = ${target.session_id}::uuid`, groups: Prisma.sql`g.id = ${target.id}::uuid` };
  }
  const sessions = Prisma.sql`${profileSetSql(actor, body, "p")} AND ${windowSql(Prisma.sql`s.created_at`, body)}`;
  const filtered = Boolean(body.department_ids?.length || body.roles?.length || body.date_from || body.date_to);
  return { everything: actor.access_level === "admin" && !filtered, sessions, groups: Prisma.sql`TRUE` };
}

/** UTC ISO 8601 with milliseconds, as Date.toISOString() writes it (every column is timestamptz(3)). */
const iso = (column: string) => Prisma.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The session and owner joins from a row's session id, left out when they would only filter. */
function ownerJoin(scope: TreeScope, sessionId: string): Prisma.Sql {
  if (scope.everything) return Prisma.empty;
  return Prisma.raw(`JOIN sessions s ON s.id = ${sessionId} JOIN profiles p ON p.id = s.profile_id`);
}

function scoped(scope: TreeScope, withGroups: boolean): Prisma.Sql {
  if (scope.everything) return Prisma.sql`TRUE`;
  return withGroups ? Prisma.sql`${scope.sessions} AND ${scope.groups}` : scope.sessions;
}

const after = (column: string, afterId: string | undefined) => (afterId ? Prisma.sql`${Prisma.raw(column)} > ${afterId}::uuid` : Prisma.sql`TRUE`);

export type RowsAfter = (db: PrismaClient, scope: TreeScope, afterId: string | undefined, take: number) => Promise<(ExportRow & { id: string })[]>;

export const sessionRows: RowsAfter = (db, scope, afterId, take) => db.$queryRaw`
  SELECT s.id, s.profile_id, p.name AS profile_name, p.email AS profile_email, p.department_id, s.title, s.tags, s.active,
         ${iso("s.created_at")} AS created_at, ${iso("s.updated_at")} AS updated_at, ${iso("s.ended_at")} AS ended_at
  FROM sessions s JOIN profiles p ON p.id = s.profile_id
  WHERE ${scope.sessions} AND ${after("s.id", afterId)}
  ORDER BY s.id LIMIT ${take}`;

export const chatRows: RowsAfter = (db, scope, afterId, take) => db.$queryRaw`
  SELECT c.id, c.session_id, s.profile_id, p.name AS profile_name, c.agent_id, a.name AS agent_name, c.name, ${iso("c.created_at")} AS created_at
  FROM chats c JOIN sessions s ON s.id = c.session_id JOIN profiles p ON p.id = s.profile_id LEFT JOIN agents a ON a.id = c.agent_id
  WHERE ${scope.sessions} AND ${after("c.id", afterId)}
  ORDER BY c.id LIMIT ${take}`;

// trim_scale: decimals as Prisma's Decimal writes them ("87.5", not the column's "87.50").
export const attemptRows: RowsAfter = (db, scope, afterId, take) => db.$queryRaw`
  SELECT t.id, t.session_id, s.profile_id, p.name AS profile_name, t.chat_id, ch.name AS chat_name, t.name,
         trim_scale(t.score)::text AS score, ${iso("t.created_at")} AS created_at, ${iso("t.submitted_at")} AS submitted_at
  FROM attempts t JOIN sessions s ON s.id = t.session_id JOIN profiles p ON p.id = s.profile_id LEFT JOIN chats ch ON ch.id = t.chat_id
  WHERE ${scope.sessions} AND ${after("t.id", afterId)}
  ORDER BY t.id LIMIT ${take}`;

export const groupRows: RowsAfter = (db, scope, afterId, take) => db.$queryRaw`
  SELECT g.id, g.session_id, s.profile_id, p.name AS profile_name, g.name, ${iso("g.created_at")} AS created_at
  FROM groups g JOIN sessions s ON s.id = g.session_id JOIN profiles p ON p.id = s.profile_id
  WHERE ${scope.sessions} AND ${scope.groups} AND ${after("g.id", afterId)}
  ORDER BY g.id LIMIT ${take}`;

// total_tokens in float8: two int4 token counts can add up past int4, and float8 is exact far beyond.
export const runRows: RowsAfter = (db, scope, afterId, take) => db.$queryRaw`
  SELECT r.id, r.group_id, g.name AS group_name, g.session_id, r.profile_id, rp.name AS profile_name,
         r.model_id, mo.name AS model_name, mo.provider AS model_provider, r.agent_id, a.name AS agent_name, a.kind::text AS agent_kind,
         r.status::text AS status, r.finish_reason::text AS finish_reason, r.error, r.input_tokens, r.output_tokens, r.cached_input_tokens,
         (r.input_tokens::float8 + r.output_tokens) AS total_tokens, trim_scale(r.cost)::text AS cost, r.currency, r.previous_context_start_index,
         ${iso("r.created_at")} AS created_at, ${iso("r.finished_at")} AS finished_at, r.duration_ms
  FROM runs r JOIN groups g ON g.id = r.group_id ${ownerJoin(scope, "g.session_id")}
  JOIN profiles rp ON rp.id = r.profile_id JOIN models mo ON mo.id = r.model_id JOIN agents a ON a.id = r.agent_id
  WHERE ${scoped(scope, true)} AND ${after("r.id", afterId)}
  ORDER BY r.id LIMIT ${take}`;

export interface MessageRow {
  id: string;
  run_id: string;
  group_id: string;
  session_id: string;
  profile_id: string;
  role: string;
  position: number;
  created_at: string;
  uploads: { id: string; kind: string; storage_key: string; byte_size: number }[];
}

export function messageRows(db: PrismaClient, scope: TreeScope, afterId: string | undefined, take: number): Promise<MessageRow[]> {
  return db.$queryRaw<MessageRow[]>`
    SELECT m.id, m.run_id, r.group_id, g.session_id, r.profile_id, m.role::text AS role, m.position, ${iso("m.created_at")} AS created_at,
      coalesce((
        SELECT json_agg(json_build_object('id', u.id, 'kind', u.kind, 'storage_key', u.storage_key, 'byte_size', u.byte_size) ORDER BY mu.position)
        FROM message_uploads mu JOIN uploads u ON u.id = mu.upload_id
        WHERE mu.message_id = m.id
      ), '[]'::json) AS uploads
    FROM messages m JOIN runs r ON r.id = m.run_id JOIN groups g ON g.id = r.group_id ${ownerJoin(scope, "g.session_id")}
    WHERE ${scoped(scope, true)} AND ${after("m.id", afterId)}
    ORDER BY m.id LIMIT ${take}`;
}

export interface UploadRow extends ExportRow {
  id: string;
  kind: string;
  original_name: string;
  storage_key: string;
}

/**
 * Uploads linked to an exported message. The page's bound is repeated on the link so PostgreSQL
 * starts its semi-join there instead of at the first link every page.
 */
export function uploadRows(db: PrismaClient, scope: TreeScope, afterId: string | undefined, take: number): Promise<UploadRow[]> {
  const linked = scope.everything
    ? Prisma.sql`SELECT 1 FROM message_uploads mu WHERE mu.upload_id = u.id AND ${after("mu.upload_id", afterId)}`
    : Prisma.sql`SELECT 1 FROM message_uploads mu JOIN messages m ON m.id = mu.message_id JOIN runs r ON r.id = m.run_id
        JOIN groups g ON g.id = r.group_id ${ownerJoin(scope, "g.session_id")}
        WHERE mu.upload_id = u.id AND ${after("mu.upload_id", afterId)} AND ${scoped(scope, true)}`;
  return db.$queryRaw<UploadRow[]>`
    SELECT u.id, u.kind::text AS kind, u.mime_type, u.byte_size::float8 AS byte_size, u.sha256, u.original_name, u.profile_id,
           ${iso("u.created_at")} AS created_at, u.storage_key
    FROM uploads u
    WHERE ${after("u.id", afterId)} AND EXISTS (${linked})
    ORDER BY u.id LIMIT ${take}`;
}

export const toolCallRows: RowsAfter = (db, scope, afterId, take) => db.$queryRaw`
  SELECT t.id, t.message_id, m.run_id, r.group_id, g.session_id, t.template_name, t.file_path, ${iso("t.created_at")} AS created_at
  FROM tool_calls t JOIN messages m ON m.id = t.message_id JOIN runs r ON r.id = m.run_id JOIN groups g ON g.id = r.group_id
  ${ownerJoin(scope, "g.session_id")}
  WHERE ${scoped(scope, true)} AND ${after("t.id", afterId)}
  ORDER BY t.id LIMIT ${take}`;
