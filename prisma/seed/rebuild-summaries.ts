// After a bulk load that skipped triggers (the scale seed, as pg_restore does), the summaries are
// derived from the rows in one pass per summary.
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The triggers that keep the summaries were skipped with the foreign keys: derive the summaries
 * from the rows once, set-based, as POST /system/refresh does. A summary that was empty is filled
 * without its secondary indexes, which are built once at the end (in the same transaction), as a
 * bulk load should be: row-by-row index upkeep made this three times slower at a million sessions.
 */
export async function rebuildSummaries(prisma: PrismaClient, log: (line: string) => void): Promise<void> {
  const summaries = await prisma.$queryRawUnsafe<{ name: string }[]>("select name from glow_summary_definitions()");
  // Two at a time (one per core): each is one long aggregation of its own.
  await twoAtATime(summaries, (summary) => rebuild(prisma, summary.name, log));
  // Vacuumed, not only analyzed, and only once every rebuild has committed: a VACUUM that runs while
  // another rebuild's transaction is open cannot mark the new rows visible to all (that transaction
  // holds the horizon back), the visibility map stays empty, and a deep page of the sessions list
  // then fetches 500,000 heap rows (1 s) instead of walking the index alone.
  const began = performance.now();
  await twoAtATime(summaries, (summary) => prisma.$executeRawUnsafe(`vacuum (analyze) "${summary.name}"`));
  log(`  summaries vacuumed in ${((performance.now() - began) / 1000).toFixed(1)} s`);
}

async function twoAtATime<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await work(next);
  };
  await Promise.all([worker(), worker()]);
}

async function rebuild(prisma: PrismaClient, name: string, log: (line: string) => void): Promise<void> {
  const began = performance.now();
  await prisma.$transaction(
    async (tx) => {
      const [state] = await tx.$queryRawUnsafe<{ filled: boolean }[]>(`select exists (select 1 from "${name}") as filled`);
      const indexes = state?.filled
        ? []
        : await tx.$queryRawUnsafe<{ name: string; definition: string }[]>(
            `select i.indexname as name, i.indexdef as definition from pg_indexes i
             join pg_index x on x.indexrelid = format('%I.%I', i.schemaname, i.indexname)::regclass
             where i.schemaname = current_schema() and i.tablename = $1 and not x.indisprimary`,
            name,
          );
      for (const index of indexes) await tx.$executeRawUnsafe(`drop index "${index.name}"`);
      await tx.$queryRawUnsafe("select 1 as done from glow_reconcile_summary($1)", name);
      await tx.$executeRawUnsafe("set local maintenance_work_mem = '512MB'");
      for (const index of indexes) await tx.$executeRawUnsafe(index.definition);
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  log(`  summaries: ${name} in ${((performance.now() - began) / 1000).toFixed(1)} s`);
}
