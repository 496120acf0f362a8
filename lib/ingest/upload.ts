import "server-only";
// POST /ingest/upload: the request body streams to the media store (never held whole), counted
// against the kind's limit, hashed as it goes; then its first bytes are checked against the declared
// MIME type's signature, and bytes already stored are kept once. Only then does a row name them.
import { fileTypeFromBuffer } from "file-type";
import type { RequestContext } from "@/lib/api/request-context";
import { ApiError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db";
import { mediaStore, ObjectTooLarge, type StagedObject } from "@/lib/storage/media-store";
import { textMimeTypes, uploadRules, type IngestUploadRequest, type IngestUploadResponse } from "./schemas/upload";

// What file-type reports for a container, and the declared types that container may carry.
const sameContainer: Record<string, readonly string[]> = {
  "video/webm": ["video/webm", "audio/webm"],
  "video/mp4": ["video/mp4", "audio/mp4"],
  "audio/x-m4a": ["audio/mp4"],
  "audio/opus": ["audio/ogg"],
  "video/ogg": ["video/ogg", "audio/ogg"],
  "audio/ogg": ["audio/ogg", "video/ogg"],
};

const invalid = (field: string, message: string) => new ApiError("invalid_body", `${field} ${message}.`, [{ field, message }]);

function declaredType(request: Request): string {
  const header = request.headers.get("content-type") ?? "";
  return header.split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Whether the bytes are what the sender says: binary types by signature, text types by being UTF-8 without a signature. */
async function matchesSignature(mimeType: string, head: Uint8Array): Promise<string | null> {
  const detected = await fileTypeFromBuffer(head);
  if (textMimeTypes.includes(mimeType)) {
    if (detected) return `the bytes are ${detected.mime}, not ${mimeType}`;
    try {
      // A multi-byte character cut at the end of the head is not an error (stream: true).
      new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    } catch {
      return `the bytes are not UTF-8 text`;
    }
    return head.includes(0) ? "the bytes are binary, not text" : null;
  }
  if (!detected) return `the bytes have no ${mimeType} signature`;
  const accepted = sameContainer[detected.mime] ?? [detected.mime];
  return accepted.includes(mimeType) ? null : `the bytes are ${detected.mime}, not ${mimeType}`;
}

async function* bodyChunks(body: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export async function ingestUpload(
  actor: Actor,
  query: IngestUploadRequest,
  request: Request,
  context: RequestContext,
): Promise<IngestUploadResponse> {
  const rules = uploadRules[query.kind];
  const mimeType = declaredType(request);
  if (!rules.mimeTypes.includes(mimeType)) {
    throw invalid("Content-Type", `must be one of ${rules.mimeTypes.join(", ")} for a ${query.kind} upload (got ${mimeType || "none"})`);
  }
  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () => new ApiError("payload_too_large", `A ${query.kind} upload may be at most ${rules.maxBytes} bytes.`);
  if (declaredLength > rules.maxBytes) throw tooLarge();
  if (!request.body) throw invalid("body", "must hold the file's bytes");
  if (!(await prisma.profile.findUnique({ where: { id: query.profile_id }, select: { id: true } }))) {
    throw invalid("profile_id", `names no profile (${query.profile_id})`);
  }

  let staged: StagedObject;
  try {
    staged = await mediaStore().stage(bodyChunks(request.body), { extension: query.file_name.split(".").pop(), maxBytes: rules.maxBytes });
  } catch (error) {
    if (error instanceof ObjectTooLarge) throw tooLarge();
    throw error;
  }
  let committed = false;
  try {
    if (staged.byte_size === 0) throw invalid("body", "must hold the file's bytes");
    const mismatch = await matchesSignature(mimeType, staged.head);
    if (mismatch) throw invalid("Content-Type", `does not match the content: ${mismatch}`);

    const answer = await prisma.$transaction(async (tx) => {
      if (query.upload_id) {
        const earlier = await tx.upload.findUnique({
          where: { id: query.upload_id },
          select: { sha256: true, kind: true, mime_type: true, byte_size: true },
        });
        if (earlier) {
          if (earlier.sha256 !== staged.sha256) throw invalid("upload_id", "was stored before with other bytes");
          const duplicate: IngestUploadResponse = {
            upload_id: query.upload_id,
            status: "duplicate",
            kind: earlier.kind,
            mime_type: earlier.mime_type,
            byte_size: Number(earlier.byte_size),
            sha256: earlier.sha256,
            bytes_reused: true,
          };
          return duplicate;
        }
      }
      const same = await tx.upload.findFirst({ where: { sha256: staged.sha256, byte_size: staged.byte_size }, select: { storage_key: true } });
      const row = await tx.upload.create({
        data: {
          ...(query.upload_id ? { id: query.upload_id } : {}),
          kind: query.kind,
          mime_type: mimeType,
          byte_size: staged.byte_size,
          sha256: staged.sha256,
          original_name: query.file_name,
          storage_key: same?.storage_key ?? staged.storage_key,
          profile_id: query.profile_id,
        },
        select: { id: true },
      });
      await recordAudit(
        actor,
        {
          action: "ingest.upload",
          target_type: "upload",
          target_id: row.id,
          details: { kind: query.kind, byte_size: staged.byte_size, bytes_reused: !!same },
        },
        context,
        tx,
      );
      // Renamed into place before the row commits: a failed commit leaves an unnamed file, never a row without bytes.
      if (!same) {
        await staged.commit();
        committed = true;
      }
      const accepted: IngestUploadResponse = {
        upload_id: row.id,
        status: "accepted",
        kind: query.kind,
        mime_type: mimeType,
        byte_size: staged.byte_size,
        sha256: staged.sha256,
        bytes_reused: !!same,
      };
      return accepted;
    });
    return answer;
  } finally {
    if (!committed) await staged.discard();
  }
}
