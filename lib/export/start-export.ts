import "server-only";
// POST /system/export: resolve the target within the caller's scope (404 otherwise), record the
// export in the audit log, then stream the ZIP while it is being written.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { visibleGroups, visibleSessions } from "@/lib/auth/scope";
import type { MediaStore } from "@/lib/storage/media-store";
import { auditCounts } from "./audit-counts";
import { TextCache } from "./media";
import { exportedEntities, exportScope, type ExportTarget } from "./scope";
import { exportScopeNote, scopeNarrowedHeader, type ExportManifest, type ExportRequest, type ExportScopeNote } from "./schemas";
import { writeExport, type ManifestHeader } from "./write-export";
import { toWebStream, ZipWriter } from "./zip-writer";

export interface ExportOptions {
  db: PrismaClient;
  store: MediaStore;
  requestId: string;
  /** The request's headers, for the audit row's client address. */
  headers: Headers;
}

export interface StartedExport {
  filename: string;
  body: ReadableStream<Uint8Array>;
  /** Settles when the ZIP is complete (with its manifest) or has failed. */
  done: Promise<ExportManifest>;
  scope: ExportScopeNote;
}

export async function startExport(actor: Actor, request: ExportRequest, options: ExportOptions): Promise<StartedExport> {
  const { db } = options;
  const target = await resolveTarget(db, actor, request);
  const scope = exportScope(actor, request, target);
  const entities = exportedEntities(scope);
  const generatedAt = new Date();
  const filters = {
    date_from: request.date_from ?? null,
    date_to: request.date_to ?? null,
    department_ids: request.department_ids ?? [],
    roles: request.roles ?? [],
  };
  const purpose = request.purpose || null;
  const scopeNote = exportScopeNote(actor, request);

  // Recorded before the first byte leaves, so even an export cancelled half-way is on record.
  await recordAudit(
    actor,
    {
      action: "export",
      target_type: target.type,
      target_id: target.id,
      details: {
        filters,
        purpose,
        include_media: request.include_media,
        counts: await auditCounts(db, actor, request, target, scope, entities),
        ...(scopeNote.narrowed ? { departments_outside_scope: scopeNote.departments_outside_scope } : {}),
      },
    },
    { headers: options.headers, requestId: options.requestId },
    db,
  );

  const header: ManifestHeader = {
    format: "glow-export",
    format_version: 1,
    generated_at: generatedAt.toISOString(),
    request_id: options.requestId,
    actor: { profile_id: actor.profile_id, name: actor.name, email: actor.email, access_level: actor.access_level },
    target: { type: target.type, id: target.id },
    filters,
    scope: scopeNote,
    include_media: request.include_media,
    purpose,
    csv: { encoding: "utf-8", line_ending: "CRLF", array_separator: ";", formula_prefix: "'" },
  };
  const zip = new ZipWriter();
  const ctx = { db, store: options.store, includeMedia: request.include_media, missingMedia: new Set<string>(), texts: new TextCache() };
  const done = writeExport(zip, ctx, scope, entities, header).catch((error: unknown) => {
    zip.abort(error instanceof Error ? error : new Error(String(error)));
    throw error;
  });
  return { filename: exportFileName(target, generatedAt), body: toWebStream(zip), done, scope: scopeNote };
}

async function resolveTarget(db: PrismaClient, actor: Actor, request: ExportRequest): Promise<ExportTarget> {
  if (request.target_session_id) {
    const session = await db.session.findFirst({
      where: { AND: [{ id: request.target_session_id }, visibleSessions(actor)] },
      select: { id: true, profile_id: true },
    });
    if (!session) throw new ApiError("not_found", "No session with that target_session_id.");
    return { type: "session", id: session.id, profile_id: session.profile_id };
  }
  if (request.target_group_id) {
    const group = await db.group.findFirst({
      where: { AND: [{ id: request.target_group_id }, visibleGroups(actor)] },
      select: { id: true, session_id: true, session: { select: { profile_id: true } } },
    });
    if (!group) throw new ApiError("not_found", "No group with that target_group_id.");
    return { type: "group", id: group.id, session_id: group.session_id, profile_id: group.session.profile_id };
  }
  return { type: "all", id: null };
}

function exportFileName(target: ExportTarget, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return `glow-export-${target.type}${target.id ? `-${target.id}` : ""}-${stamp}.zip`;
}

export function exportResponse(started: StartedExport): Response {
  return new Response(started.body, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${started.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      // Said before the first byte, so a client can tell an empty export from a narrowed one.
      ...(started.scope.narrowed
        ? { [scopeNarrowedHeader]: `departments_outside_scope=${started.scope.departments_outside_scope.map(encodeURIComponent).join(",")}` }
        : {}),
    },
  });
}
