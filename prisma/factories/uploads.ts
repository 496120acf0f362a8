// Uploads: bytes go through the media store, rows point at them by storage_key. Identical bytes
// share one stored object, so thousands of seeded messages quoting the same line (or attaching the
// same demo clip) cost one file each, not thousands.
import { createHash } from "node:crypto";
import path from "node:path";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UploadKind } from "@/lib/generated/prisma/enums";
import type { MediaStore, StoredObject } from "@/lib/storage/media-store";
import { newId } from "./ids.ts";
import type { Db } from "./people.ts";

export type UploadRow = Prisma.UploadCreateManyInput & { id: string; kind: UploadKind; storage_key: string };

interface MediaType {
  kind: UploadKind;
  mime_type: string;
}

const mediaTypes: Record<string, MediaType> = {
  txt: { kind: "text", mime_type: "text/plain" },
  md: { kind: "text", mime_type: "text/markdown" },
  wav: { kind: "audio", mime_type: "audio/wav" },
  ogg: { kind: "audio", mime_type: "audio/ogg" },
  mp3: { kind: "audio", mime_type: "audio/mpeg" },
  png: { kind: "image", mime_type: "image/png" },
  jpg: { kind: "image", mime_type: "image/jpeg" },
  webm: { kind: "video", mime_type: "video/webm" },
  mp4: { kind: "video", mime_type: "video/mp4" },
  pdf: { kind: "file", mime_type: "application/pdf" },
  csv: { kind: "file", mime_type: "text/csv" },
};

/** Kind and MIME type from a file name's extension; unknown extensions are opaque files. */
export function mediaTypeOf(fileName: string): MediaType {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  return mediaTypes[extension] ?? { kind: "file", mime_type: "application/octet-stream" };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Puts each distinct byte sequence into the store once. With a database it also reuses an object
 * an earlier process stored (found through uploads.sha256), after checking the object still exists.
 */
export class DedupingMediaWriter {
  private readonly known = new Map<string, Promise<StoredObject>>();
  private readonly candidates = new Map<string, string>();
  private writes = 0;

  constructor(
    private readonly store: MediaStore,
    private readonly db?: Db,
  ) {}

  /** How many objects this writer actually wrote (the rest were shared). */
  get objectsWritten(): number {
    return this.writes;
  }

  /** Objects already in the store by sha256 (e.g. from uploads about to be truncated), reused if still there. */
  remember(objects: Iterable<{ sha256: string; storage_key: string }>): void {
    for (const object of objects) this.candidates.set(object.sha256, object.storage_key);
  }

  put(bytes: Uint8Array, extension?: string): Promise<StoredObject> {
    const sha256 = sha256Hex(bytes);
    let pending = this.known.get(sha256);
    if (!pending) {
      pending = this.reuse(sha256, bytes.byteLength).then(async (found) => {
        if (found) return found;
        this.writes += 1;
        return this.store.put(bytes, extension);
      });
      this.known.set(sha256, pending);
    }
    return pending;
  }

  private async reuse(sha256: string, size: number): Promise<StoredObject | null> {
    let storage_key = this.candidates.get(sha256);
    if (!storage_key && this.db) {
      storage_key = (await this.db.upload.findFirst({ where: { sha256 }, select: { storage_key: true } }))?.storage_key;
    }
    // The row may outlive its object (a wiped media folder): only reuse what is really there.
    if (!storage_key || (await this.store.size(storage_key)) !== size) return null;
    return { storage_key, byte_size: size, sha256 };
  }
}

export interface UploadMeta {
  original_name: string;
  kind?: UploadKind;
  mime_type?: string;
  profile_id?: string | null;
  created_at?: Date;
  id?: string;
}

export function buildUpload(stored: StoredObject, meta: UploadMeta): UploadRow {
  const type = mediaTypeOf(meta.original_name);
  return {
    id: meta.id ?? newId(),
    kind: meta.kind ?? type.kind,
    mime_type: meta.mime_type ?? type.mime_type,
    byte_size: BigInt(stored.byte_size),
    sha256: stored.sha256,
    original_name: meta.original_name,
    storage_key: stored.storage_key,
    profile_id: meta.profile_id ?? null,
    created_at: meta.created_at ?? new Date(),
  };
}

/** Stores `bytes` (or reuses an identical stored object) and inserts the upload row. */
export async function createUpload(db: Db, store: MediaStore, bytes: Uint8Array, meta: UploadMeta) {
  const extension = path.extname(meta.original_name).slice(1) || undefined;
  const stored = await new DedupingMediaWriter(store, db).put(bytes, extension);
  return db.upload.create({ data: buildUpload(stored, meta) });
}

/** A message's text as a text/plain upload. */
export function createTextUpload(db: Db, store: MediaStore, text: string, meta: Partial<UploadMeta> = {}) {
  return createUpload(db, store, new TextEncoder().encode(text), {
    original_name: "message.txt",
    kind: "text",
    mime_type: "text/plain",
    ...meta,
  });
}
