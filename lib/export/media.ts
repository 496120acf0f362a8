import "server-only";
// Upload bytes in an export: their path inside the ZIP, and the text of text uploads (inlined
// into messages, capped so one huge upload cannot blow a batch's memory).
import type { MediaStore } from "@/lib/storage/media-store";

/** Inlined text per upload; the full bytes are in media/ with include_media. */
export const maxInlineTextBytes = 64 * 1024;

/** A file name safe on every OS and in every unzip tool: no separators, no leading dots, ASCII. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "")
    .replace(/_+/g, "_")
    .slice(-100);
  return cleaned || "upload";
}

export function mediaPath(upload: { id: string; kind: string; original_name: string }): string {
  return `media/${upload.kind}/${upload.id}-${safeFileName(upload.original_name)}`;
}

/** The first `maxBytes` bytes of a stored text as UTF-8, with a note when cut; null when missing. */
export async function readInlineText(store: MediaStore, storageKey: string, byteSize: number, maxBytes = maxInlineTextBytes): Promise<string | null> {
  let stream;
  try {
    stream = await store.read(storageKey, byteSize > maxBytes ? { start: 0, end: maxBytes - 1 } : undefined);
  } catch {
    return null;
  }
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch {
    return null;
  }
  // A cut can split a multi-byte character; the decoder's replacement character marks it honestly.
  const text = new TextDecoder("utf-8").decode(Buffer.concat(chunks));
  return byteSize > maxBytes ? `${text}… [truncated: ${byteSize} bytes in all]` : text;
}

/**
 * Recently read texts by storage key. A run re-sends the conversation so far, and identical bytes
 * share one stored object, so the same text comes back many times; bounded by characters held.
 */
export class TextCache {
  private readonly entries = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars = 8 * 1024 * 1024) {}

  get(key: string): string | undefined {
    const text = this.entries.get(key);
    if (text !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry most recently used.
      this.entries.delete(key);
      this.entries.set(key, text);
    }
    return text;
  }

  set(key: string, text: string): void {
    if (text.length > this.maxChars || this.entries.has(key)) return;
    this.entries.set(key, text);
    this.chars += text.length;
    for (const [oldest, value] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= value.length;
    }
  }
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
