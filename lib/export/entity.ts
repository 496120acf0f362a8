import "server-only";
// What every exported entity provides: its columns (the CSV header, the JSONL key order) and one
// keyset page of rows.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MediaStore } from "@/lib/storage/media-store";
import type { ExportRow } from "./csv";
import type { TextCache } from "./media";
import type { RowsAfter } from "./rows-sql";
import type { TreeEntityScope } from "./scope";

export interface ExportContext {
  db: PrismaClient;
  store: MediaStore;
  includeMedia: boolean;
  /** Uploads whose bytes the store does not have (found while listing uploads with include_media). */
  missingMedia: Set<string>;
  /** Inlined message texts recently read, by storage key. */
  texts: TextCache;
}

export type FetchRows<W> = (ctx: ExportContext, where: W, afterId: string | undefined, take: number) => Promise<(ExportRow & { id: string })[]>;

export interface EntityDefinition<W> {
  columns: readonly string[];
  fetch: FetchRows<W>;
  /** Rows per batch: smaller for wide rows (messages carry their text). */
  batchSize?: number;
}

/** An entity under a session whose rows come from SQL already shaped as export lines. */
export function treeEntity<W>(columns: readonly string[], rows: RowsAfter, batchSize?: number): EntityDefinition<TreeEntityScope<W>> {
  return { columns, batchSize, fetch: ({ db }, scope, afterId, take) => rows(db, scope.sql, afterId, take) };
}

export const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export const nameOf = { select: { name: true } } as const;
