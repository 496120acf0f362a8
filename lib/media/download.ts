import "server-only";
// One download implementation for every media kind: find the upload (of that kind, visible to the
// caller), then stream its bytes, or one range of them, from the media store without buffering.
import type { Readable } from "node:stream";
import type { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { auditedRecordRead } from "@/lib/audit/audited-read";
import { offeredUploadWindowMs } from "@/lib/audit/offered-uploads";
import type { Actor } from "@/lib/auth/actor";
import { visibleGroups } from "@/lib/auth/scope";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mediaStore } from "@/lib/storage/media-store";
import { contentDisposition } from "./content-disposition";
import { downloadEndpoints } from "./endpoints";
import { decideRange } from "./range";
import type { MediaKind } from "./schemas";

// Upload bytes never change under an id, but access can be withdrawn: cache privately, for as long
// as the audit row of the view that offered them covers their downloads.
const cacheControl = `private, max-age=${offeredUploadWindowMs / 1000}`;

// Types a browser would run as a document (scripts in HTML/SVG/XML) are never shown inline.
const activeContent = /^(text\/html|[a-z]+\/([a-z0-9.-]+\+)?xml|[a-z]+\/[a-z.+-]*(javascript|ecmascript))\b/i;
const mimeTypePattern = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;\s*[a-z0-9!#$&^_.+-]+=("[^"\r\n]*"|[a-z0-9!#$&^_.+-]+))*$/i;

/**
 * An admin sees every upload; anyone else only uploads attached to a message of a session they may
 * see. Out-of-scope and missing uploads are indistinguishable (404).
 */
function visibleUploads(actor: Actor): Prisma.UploadWhereInput {
  return actor.access_level === "admin" ? {} : { messages: { some: { message: { run: { group: visibleGroups(actor) } } } } };
}

/** An upload's bytes (or one range of them) for a caller who may see it. Audited here, as upload.read. */
export function downloadUpload(actor: Actor, kind: MediaKind, uploadId: string, request: Request): Promise<Response> {
  const body = { [`${kind}_upload_id`]: uploadId } as z.output<(typeof downloadEndpoints)[MediaKind]["body"]>;
  return auditedRecordRead(actor, downloadEndpoints[kind], body, () => sendUpload(actor, kind, uploadId, request));
}

async function sendUpload(actor: Actor, kind: MediaKind, uploadId: string, request: Request): Promise<Response> {
  const upload = await prisma.upload.findFirst({
    where: { AND: [{ id: uploadId, kind }, visibleUploads(actor)] },
    select: { id: true, mime_type: true, sha256: true, original_name: true, storage_key: true, created_at: true },
  });
  // A kind mismatch answers exactly like a missing id, so the endpoint cannot be used to probe kinds.
  if (!upload) throw new ApiError("not_found", `There is no ${kind} upload ${uploadId}.`);

  const store = mediaStore();
  const size = await store.size(upload.storage_key);
  // The row exists but its bytes do not: our inconsistency, not the caller's mistake (logged 500).
  if (size === null) throw new Error(`The bytes of upload ${upload.id} are missing from the media store`);

  const mimeType = mimeTypePattern.test(upload.mime_type) ? upload.mime_type : "application/octet-stream";
  const inline = kind !== "file" && !activeContent.test(mimeType);
  const etag = /^[0-9a-f]{64}$/i.test(upload.sha256) ? `"${upload.sha256.toLowerCase()}"` : null;
  const headers = new Headers({
    "Accept-Ranges": "bytes",
    "Cache-Control": cacheControl,
    "Last-Modified": upload.created_at.toUTCString(),
    "X-Content-Type-Options": "nosniff",
    // Opened directly, the response is a sandboxed document that can run nothing.
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  });
  if (etag) headers.set("ETag", etag);

  const safeMethod = request.method === "GET" || request.method === "HEAD";
  if (safeMethod && etag && matchesEtag(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }

  // A Range conditional on another version (If-Range) is ignored: the whole current file is sent.
  const ifRange = request.headers.get("if-range");
  const range = ifRange !== null && ifRange.trim() !== etag ? { type: "full" as const } : decideRange(request.headers.get("range"), size);
  if (range.type === "unsatisfiable") {
    throw new ApiError("range_not_satisfiable", `The requested range is not within the ${size} bytes of this upload.`, undefined, {
      "Content-Range": `bytes */${size}`,
      "Accept-Ranges": "bytes",
    });
  }

  headers.set("Content-Type", textWithCharset(mimeType));
  headers.set("Content-Disposition", contentDisposition(inline ? "inline" : "attachment", upload.original_name, `${kind}-${upload.id}`));
  if (range.type === "partial") {
    headers.set("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
    headers.set("Content-Length", String(range.end - range.start + 1));
    const bytes = await store.read(upload.storage_key, { start: range.start, end: range.end });
    return new Response(toWebStream(bytes), { status: 206, headers });
  }
  headers.set("Content-Length", String(size));
  const bytes = await store.read(upload.storage_key);
  return new Response(toWebStream(bytes), { status: 200, headers });
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const value = tag.trim();
    return value === "*" || value === etag || value === `W/${etag}`;
  });
}

// Glow's text uploads are UTF-8; saying so keeps browsers from guessing a legacy encoding.
function textWithCharset(mimeType: string): string {
  return /^text\//i.test(mimeType) && !/;\s*charset=/i.test(mimeType) ? `${mimeType}; charset=utf-8` : mimeType;
}

/**
 * A web stream that reads the file only as fast as the client takes it (Readable.toWeb in Node 20
 * may read ahead without bound), and closes the file when the client goes away.
 */
function toWebStream(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = (await chunks.next()) as IteratorResult<Buffer>;
          if (done) controller.close();
          else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        } catch (error) {
          controller.error(error);
        }
      },
      cancel() {
        source.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}
