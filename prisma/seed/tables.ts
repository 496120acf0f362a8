// Whole-database helpers for the seed: is it empty, empty it, count its rows. The table list is read
// from the catalog, so a table added by a later migration is covered without touching this file.
import type { Db } from "../factories/index.ts";

const migrationsTable = "_prisma_migrations";

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The app's tables in the current schema, `_prisma_migrations` excluded, sorted by name. */
export async function appTables(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `select tablename::text as name from pg_tables where schemaname = current_schema() and tablename <> $1 order by tablename`,
    migrationsTable,
  );
  return rows.map((r) => r.name);
}

/** The app tables that hold at least one row. */
export async function nonEmptyTables(db: Db): Promise<string[]> {
  const tables = await appTables(db);
  if (!tables.length) return [];
  const probes = tables.map((t, i) => `select $${i + 1}::text as name where exists (select 1 from ${quoteIdent(t)})`);
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(probes.join(" union all "), ...tables);
  return rows.map((r) => r.name);
}

/**
 * Empties every app table. audit_logs refuses TRUNCATE unless the transaction opts in (see the
 * audit_append_only migration), so this runs in one: the caller's, or a new one.
 */
export async function truncateAppTables(db: Db): Promise<void> {
  const run = async (tx: Db) => {
    const tables = await appTables(tx);
    if (!tables.length) return;
    await tx.$queryRawUnsafe("select set_config('glow.allow_audit_truncate', 'on', true)::text as allowed");
    await tx.$executeRawUnsafe(`truncate table ${tables.map(quoteIdent).join(", ")} restart identity cascade`);
  };
  if ("$transaction" in db) await db.$transaction(run, { timeout: 120_000 });
  else await run(db);
}

/**
 * Exact row counts per app table (count(*), fine for the sizes the seed makes). The summaries are
 * derived from the rows (their own row counts follow the calendar), so they are not counted.
 */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const summaries = new Set((await db.$queryRawUnsafe<{ name: string }[]>("select name from glow_summary_definitions()")).map((row) => row.name));
  const tables = (await appTables(db)).filter((table) => !summaries.has(table));
  if (!tables.length) return {};
  const sql = tables.map((t, i) => `select $${i + 1}::text as name, count(*)::bigint::text as n from ${quoteIdent(t)}`).join(" union all ");
  const rows = await db.$queryRawUnsafe<{ name: string; n: string }[]>(sql, ...tables);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

/** Serializes seeders across processes (two `npm start`s on one empty database seed once). */
export async function lockSeeding(db: Db): Promise<void> {
  await db.$queryRawUnsafe(`select 1 as locked from pg_advisory_xact_lock(hashtext('glow-admin-seed'))`);
}

export function formatCounts(counts: Record<string, number>): string[] {
  const width = Math.max(...Object.keys(counts).map((k) => k.length));
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, n]) => `  ${table.padEnd(width)}  ${n.toLocaleString("en-US").padStart(12)}`);
}

export class DatabaseNotEmptyError extends Error {
  constructor(readonly tables: string[]) {
    super(`The database already has data (in ${tables.join(", ")}). Re-run with --force to empty it and seed again.`);
    this.name = "DatabaseNotEmptyError";
  }
}
