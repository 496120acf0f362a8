import "server-only";
// A ZIP written entry by entry into a stream (archiver), with the size and SHA-256 of every entry's
// uncompressed bytes for the manifest. Each add() resolves once its entry is fully written, so the
// caller produces the next entry only then: memory stays one batch plus the compressor's buffers.
import { createHash } from "node:crypto";
import { type Readable, Transform, pipeline } from "node:stream";
import { ZipArchive } from "archiver";

/** The reader went away before the ZIP was complete (a cancelled download): not a server fault. */
export class ExportCancelledError extends Error {
  constructor(message = "The export download was cancelled before the ZIP was complete") {
    super(message);
    this.name = "ExportCancelledError";
  }
}

export interface WrittenEntry {
  bytes: number;
  sha256: string;
}

export class ZipWriter {
  readonly archive = new ZipArchive({ zlib: { level: 6 } });
  private failure: Error | null = null;
  private current: Readable | null = null;
  private readonly onFailure = new Set<(error: Error) => void>();

  constructor() {
    this.archive.on("error", (error: Error) => this.fail(error));
    // "close" before finalize() finished means the reader went away (a cancelled download).
    this.archive.on("close", () => this.fail(new ExportCancelledError()));
  }

  get failed(): Error | null {
    return this.failure;
  }

  /** Adds one entry; `compress: false` for media that is compressed already. */
  add(name: string, source: Readable | Buffer, options: { compress?: boolean } = {}): Promise<WrittenEntry> {
    if (this.failure) return Promise.reject(this.failure);
    const hash = createHash("sha256");
    let bytes = 0;
    let input: Readable | Buffer;
    if (Buffer.isBuffer(source)) {
      hash.update(source);
      bytes = source.byteLength;
      input = source;
    } else {
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          bytes += chunk.byteLength;
          callback(null, chunk);
        },
      });
      // archiver pipes each entry through a PassThrough of its own, which a source's error never
      // reaches: without this a query failing mid-file would leave the ZIP waiting forever.
      pipeline(source, counter, (error) => {
        if (error) this.abort(error);
      });
      this.current = source;
      input = counter;
    }
    return new Promise<WrittenEntry>((resolve, reject) => {
      const settle = () => {
        this.archive.off("entry", onEntry);
        this.onFailure.delete(onFail);
        this.current = null;
      };
      const onEntry = () => {
        settle();
        resolve({ bytes, sha256: hash.digest("hex") });
      };
      const onFail = (error: Error) => {
        settle();
        reject(error);
      };
      this.archive.once("entry", onEntry);
      this.onFailure.add(onFail);
      this.archive.append(input, { name, store: options.compress === false });
    });
  }

  /** Writes the central directory; resolves when the last byte has been handed to the reader. */
  async finish(): Promise<void> {
    if (this.failure) throw this.failure;
    const ended = new Promise<void>((resolve, reject) => {
      this.archive.once("end", resolve);
      this.onFailure.add(reject);
    });
    await this.archive.finalize();
    await ended;
  }

  /** Stops the archive; its reader sees an error instead of a ZIP that looks complete. */
  abort(error: Error): void {
    this.fail(error);
    this.current?.destroy();
    if (!this.archive.destroyed) this.archive.destroy(error);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const notify of [...this.onFailure]) notify(error);
  }
}

/**
 * The archive as a web stream for a Response: pull-based, so the ZIP is produced only as fast as
 * the client reads it, and a cancelled download stops the export.
 */
export function toWebStream(writer: ZipWriter): ReadableStream<Uint8Array> {
  const chunks = writer.archive[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(new Uint8Array(value as Buffer));
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        writer.abort(new ExportCancelledError());
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
