// Applies prisma/migrations/<name>/migration.sql folders and records them in `_prisma_migrations`
// exactly as `prisma migrate deploy` does (same table, same sha256 checksums), so a machine with the
// native engine can take over the same database and folder.
//
// Why not the WebAssembly schema engine's applyMigrations: it splits a script at every semicolon,
// quoted or not, which breaks PL/pgSQL function bodies ($$ ... $$), and the summaries are kept by
// such functions. PostgreSQL's simple query protocol runs a whole script as it is written.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

// The key prisma migrate takes too, so our runner and prisma's never migrate one database at once.
const migrateLockKey = 72707369;

export interface MigrationFolder {
  name: string;
  sql: string;
}

export async function readMigrationFolders(dir = migrationsDir): Promise<MigrationFolder[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(path.join(dir, name, "migration.sql"), "utf8") })));
}

export const migrationChecksum = (sql: string): string => createHash("sha256").update(sql).digest("hex");

const createMigrationsTable = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

/**
 * Applies every migration not yet recorded as finished; returns the names applied. Each migration
 * runs in one transaction with its bookkeeping row, so a failing one leaves nothing behind and is
 * tried again next time. A recorded migration whose file changed is refused, as prisma does.
 */
export async function applyPendingMigrations(connectionString: string, dir = migrationsDir): Promise<string[]> {
  const folders = await readMigrationFolders(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [migrateLockKey]);
    await client.query(createMigrationsTable);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const names: string[] = [];
    for (const folder of folders) {
      const checksum = migrationChecksum(folder.sql);
      const recorded = applied.get(folder.name);
      if (recorded !== undefined) {
        if (recorded !== checksum) throw new Error(`Migration ${folder.name} was changed after it was applied (checksum differs).`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(folder.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), checksum, folder.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${folder.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      names.push(folder.name);
    }
    return names;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [migrateLockKey]).catch(() => {});
    await client.end();
  }
}
