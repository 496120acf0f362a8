import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileSystemMediaStore, isValidStorageKey } from "./media-store";

let root: string;
let store: FileSystemMediaStore;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "glow-store-"));
  store = new FileSystemMediaStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("FileSystemMediaStore", () => {
  it("stores bytes under a generated key and reads them back whole or by range", async () => {
    const bytes = new TextEncoder().encode("0123456789abcdef");
    const stored = await store.put(bytes, "TXT");
    expect(stored.byte_size).toBe(16);
    expect(stored.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(stored.storage_key).toMatch(/\.txt$/);
    expect(await text(await store.read(stored.storage_key))).toBe("0123456789abcdef");
    expect(await text(await store.read(stored.storage_key, { start: 10, end: 15 }))).toBe("abcdef");
    expect(await store.size(stored.storage_key)).toBe(16);
  });

  it("refuses keys it did not make, so no row can name a path outside the store", async () => {
    for (const key of ["../../etc/passwd", "/etc/passwd", "ab/cd/../../../x", "ab/cd/not-a-uuid"]) {
      expect(isValidStorageKey(key)).toBe(false);
      await expect(store.read(key)).rejects.toThrow(/Invalid storage key/);
    }
  });

  it("stores many objects at once, each under its own valid key with its own bytes and hash", async () => {
    const texts = Array.from({ length: 250 }, (_, i) => new TextEncoder().encode(`message ${i}`));
    const { stored, written } = store.putMany(texts.map((bytes) => ({ bytes, extension: "txt" })));
    await written;
    expect(new Set(stored.map((object) => object.storage_key)).size).toBe(250);
    for (const [i, object] of stored.entries()) {
      expect(isValidStorageKey(object.storage_key)).toBe(true);
      expect(object).toMatchObject({ byte_size: texts[i]!.byteLength, sha256: createHash("sha256").update(texts[i]!).digest("hex") });
      expect(await text(await store.read(object.storage_key))).toBe(`message ${i}`);
    }
  });

  it("answers null for the size of a missing object", async () => {
    expect(await store.size("00/00/00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});
