// Keyset pagination by id: each batch asks for the rows after the last id seen, so memory stays a
// batch or two whatever the table size, and rows written concurrently never shift a page (unlike OFFSET).

export type FetchAfter<T> = (afterId: string | undefined, take: number) => Promise<T[]>;

export async function* keysetBatches<T extends { id: string }>(fetch: FetchAfter<T>, batchSize: number): AsyncGenerator<T[]> {
  // A prefetch the caller never awaits (it stopped early) must not become an unhandled rejection.
  const start = (afterId: string | undefined) => {
    const page = fetch(afterId, batchSize);
    page.catch(() => {});
    return page;
  };
  let pending = start(undefined);
  for (;;) {
    const batch = await pending;
    const more = batch.length === batchSize;
    // The next page is asked for before this one is handed over, so the database works while the
    // caller compresses: two batches in memory at most.
    if (more) pending = start(batch[batch.length - 1]?.id);
    if (batch.length > 0) yield batch;
    if (!more) return;
  }
}

/**
 * The Prisma arguments of one keyset page: `id > afterId` rather than Prisma's `cursor`, which
 * silently ends the listing when the cursor row is deleted mid-export.
 */
export function pageAfter<W extends { AND?: unknown }>(where: W, afterId: string | undefined, take: number) {
  // Every Prisma where-input of a model with a uuid `id` accepts `{ id: { gt } }` inside AND.
  const page = afterId ? ({ AND: [where, { id: { gt: afterId } }] } as W) : where;
  return { where: page, orderBy: { id: "asc" as const }, take };
}
