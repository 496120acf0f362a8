// Uploads' bytes, addressed only by their storage key. The filesystem backend is the default; an
// S3-compatible backend can implement the same interface later.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import path from "node:path";
import type { Readable } from "node:stream";

export interface ByteRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
}

export interface StoredObject {
  storage_key: string;
  byte_size: number;
  sha256: string;
}

/** Bytes written under a new key but not yet visible: commit() makes them so, discard() removes them. */
export interface StagedObject extends StoredObject {
  /** The first bytes (up to 4,100), for checking the content's signature. */
  head: Uint8Array;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export interface PendingPut {
  stored: StoredObject[];
  written: Promise<void>;
}

/** Thrown by stage() when the source is longer than allowed; nothing is left behind. */
export class ObjectTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`larger than ${maxBytes} bytes`);
  }
}

export interface MediaStore {
  put(bytes: Uint8Array, extension?: string): Promise<StoredObject>;
  /**
   * Many small objects at once (the texts of an ingest batch), each under a new key, in the order
   * given. The keys come at once; the bytes are written while the caller goes on (its database
   * statements), and `written` settles when every object is stored or one failed.
   */
  putMany(objects: ReadonlyArray<{ bytes: Uint8Array; extension?: string; sha256?: string }>): PendingPut;
  /** Streams `source` to the store without holding it in memory, hashing and counting as it goes. */
  stage(source: AsyncIterable<Uint8Array>, options: { extension?: string; maxBytes: number }): Promise<StagedObject>;
  /** A stream of the object's bytes, or of one inclusive range of them. */
  read(storageKey: string, range?: ByteRange): Promise<Readable>;
  size(storageKey: string): Promise<number | null>;
}

// Keys are generated here: a random two-level fan-out folder, a random id and an optional extension.
// The folder only spreads objects over 65,536 directories; nothing reads meaning into it.
const storageKeyPattern = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}(\.[a-z0-9]{1,8})?$/;

export function isValidStorageKey(key: string): boolean {
  return storageKeyPattern.test(key);
}

const randomFolder = (): string => {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id.slice(2, 4)}`;
};

function newStorageKey(extension?: string, folder = randomFolder()): string {
  const suffix = extension
    ? `.${extension
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "")
        .slice(0, 8)}`
    : "";
  return `${folder}/${randomUUID()}${suffix}`;
}

export class FileSystemMediaStore implements MediaStore {
  /** Fan-out folders known to exist, for single writes (putMany finds missing ones by writing). */
  private readonly folders = new Set<string>();

  constructor(private readonly root: string) {}

  private async folderFor(target: string): Promise<void> {
    const folder = path.dirname(target);
    if (this.folders.has(folder)) return;
    await mkdir(folder, { recursive: true });
    this.folders.add(folder);
  }

  private resolve(storageKey: string): string {
    // Keys come from our database, but a key that is not of our own form is refused outright so a
    // tampered row can never name a path outside the store.
    if (!isValidStorageKey(storageKey)) throw new Error(`Invalid storage key: ${storageKey}`);
    return path.join(this.root, storageKey);
  }

  async put(bytes: Uint8Array, extension?: string): Promise<StoredObject> {
    const storageKey = newStorageKey(extension);
    const target = this.resolve(storageKey);
    await this.folderFor(target);
    // Written in place: the key is new, and no reader can ask for it before a committed row names it.
    await writeFile(target, bytes, { flag: "wx" }).catch(async (error: NodeJS.ErrnoException) => {
      // The folder went away since it was made (a store emptied by hand): make it again, once.
      if (error.code !== "ENOENT") throw error;
      this.folders.delete(path.dirname(target));
      await this.folderFor(target);
      await writeFile(target, bytes, { flag: "wx" });
    });
    return {
      storage_key: storageKey,
      byte_size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    };
  }

  putMany(objects: ReadonlyArray<{ bytes: Uint8Array; extension?: string; sha256?: string }>): PendingPut {
    // Each hundred shares one random folder: creating files across 5,000 different directories
    // took 400-840 ms on ext4 here against 130-300 ms across 50, and the folders stay evenly filled.
    let folder = "";
    const stored = objects.map(({ bytes, extension, sha256 }, index): StoredObject => {
      if (index % 100 === 0) folder = randomFolder();
      // A caller that hashed the bytes already (to look for them) passes the hash along.
      return {
        storage_key: newStorageKey(extension, folder),
        byte_size: bytes.byteLength,
        sha256: sha256 ?? createHash("sha256").update(bytes).digest("hex"),
      };
    });
    return { stored, written: this.writeInSlices(objects, stored) };
  }

  /**
   * Written synchronously, a hundred at a time between turns of the event loop: for thousands of
   * small files that is five times faster than one promise each (measured: 5,000 texts, 124 ms
   * against 651 ms), no turn is blocked for more than a few milliseconds, and the caller's
   * statements run in the database meanwhile (an ingest batch: ~170 ms of writes off its path).
   */
  private async writeInSlices(objects: ReadonlyArray<{ bytes: Uint8Array }>, stored: StoredObject[]): Promise<void> {
    for (let start = 0; start < objects.length; start += 100) {
      await new Promise((resolve) => setImmediate(resolve));
      for (let i = start; i < Math.min(start + 100, objects.length); i++) this.writeNewSync(this.resolve(stored[i]!.storage_key), objects[i]!.bytes);
    }
  }

  /**
   * Writes a new file, making its fan-out folder only when the write finds it missing: a million
   * sessions fill all 65,536 folders, so asking first (mkdir) would double the system calls of a
   * write in every process that has not written there yet.
   */
  private writeNewSync(target: string, bytes: Uint8Array): void {
    try {
      writeFileSync(target, bytes, { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, bytes, { flag: "wx" });
    }
  }

  async stage(source: AsyncIterable<Uint8Array>, options: { extension?: string; maxBytes: number }): Promise<StagedObject> {
    const storageKey = newStorageKey(options.extension);
    const target = this.resolve(storageKey);
    await this.folderFor(target);
    const partial = `${target}.partial`;
    const hash = createHash("sha256");
    const headLimit = 4_100;
    const headChunks: Uint8Array[] = [];
    let headBytes = 0;
    let byteSize = 0;
    const { maxBytes } = options;
    async function* counted() {
      for await (const chunk of source) {
        byteSize += chunk.byteLength;
        if (byteSize > maxBytes) throw new ObjectTooLarge(maxBytes);
        hash.update(chunk);
        if (headBytes < headLimit) {
          headChunks.push(chunk.subarray(0, headLimit - headBytes));
          headBytes += Math.min(chunk.byteLength, headLimit - headBytes);
        }
        yield chunk;
      }
    }
    try {
      await pipeline(counted, createWriteStream(partial));
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    const head = new Uint8Array(headBytes);
    let offset = 0;
    for (const chunk of headChunks) {
      head.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return {
      storage_key: storageKey,
      byte_size: byteSize,
      sha256: hash.digest("hex"),
      head,
      commit: () => rename(partial, target),
      discard: () => rm(partial, { force: true }),
    };
  }

  async read(storageKey: string, range?: ByteRange): Promise<Readable> {
    return createReadStream(this.resolve(storageKey), range ? { start: range.start, end: range.end } : {});
  }

  async size(storageKey: string): Promise<number | null> {
    try {
      return (await stat(this.resolve(storageKey))).size;
    } catch {
      return null;
    }
  }
}

export function mediaRootFromEnv(): string {
  // The marker keeps Next's build from tracing the store as files the server needs: it listed every
  // object under .data/media in each route's trace, and with a million of them `next build` ran out
  // of memory instead of finishing in 20 s (scripts/build-trace.test.ts).
  const dataDir = process.env.GLOW_DATA_DIR ?? ".data";
  return path.resolve(
    /* turbopackIgnore: true */ process.cwd(),
    process.env.GLOW_MEDIA_DIR ?? path.join(/* turbopackIgnore: true */ dataDir, "media"),
  );
}

let defaultStore: MediaStore | undefined;

/** The store configured by GLOW_MEDIA_DIR (default .data/media). */
export function mediaStore(): MediaStore {
  defaultStore ??= new FileSystemMediaStore(mediaRootFromEnv());
  return defaultStore;
}
