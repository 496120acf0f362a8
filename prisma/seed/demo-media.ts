// The committed demo media files and the message texts, put into the media store once each: a
// thousand messages quoting the same line share one stored object (and one sha256).
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { StoredObject } from "@/lib/storage/media-store";
import { sha256Hex, type DedupingMediaWriter } from "../factories/index.ts";

export const demoMediaDir = path.resolve(import.meta.dirname, "../demo-media");

export const demoMediaFiles = {
  audioWav: "ta-base-case-question.wav",
  audioOgg: "ta-base-case-question.ogg",
  image: "recursion-call-stack.png",
  video: "tracing-recursion.webm",
  rubricPdf: "office-hours-rubric.pdf",
  transcript: "office-hours-transcript.txt",
  gradebook: "cs101-gradebook-excerpt.csv",
} as const;

export type DemoMediaName = (typeof demoMediaFiles)[keyof typeof demoMediaFiles];
export type DemoMedia = Map<DemoMediaName, StoredObject>;

export async function storeDemoMedia(writer: DedupingMediaWriter): Promise<DemoMedia> {
  const media: DemoMedia = new Map();
  for (const name of Object.values(demoMediaFiles)) {
    const bytes = await readFile(path.join(demoMediaDir, name));
    media.set(name, await writer.put(bytes, path.extname(name).slice(1)));
  }
  return media;
}

/** Distinct message texts, hashed while the rows are built and stored afterwards in parallel. */
export class TextPool {
  private readonly byText = new Map<string, { sha256: string; byte_size: number; bytes: Uint8Array }>();
  private readonly encoder = new TextEncoder();

  add(text: string): { sha256: string; byte_size: number } {
    let entry = this.byText.get(text);
    if (!entry) {
      const bytes = this.encoder.encode(text);
      entry = { sha256: sha256Hex(bytes), byte_size: bytes.byteLength, bytes };
      this.byText.set(text, entry);
    }
    return entry;
  }

  get size(): number {
    return this.byText.size;
  }

  /** The text with this hash, if the pool holds it. */
  textOf(sha256: string): string | undefined {
    this.bySha ??= new Map([...this.byText].map(([text, entry]) => [entry.sha256, text]));
    return this.bySha.get(sha256);
  }

  private bySha: Map<string, string> | undefined;

  /** Stores every distinct text; returns storage keys by sha256. */
  async storeAll(writer: DedupingMediaWriter, concurrency = 16): Promise<Map<string, string>> {
    const keys = new Map<string, string>();
    const queue = [...this.byText.values()];
    const worker = async () => {
      for (let entry = queue.pop(); entry; entry = queue.pop()) {
        keys.set(entry.sha256, (await writer.put(entry.bytes, "txt")).storage_key);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return keys;
  }
}
