// The bench's database: an existing one (--database-url), or glow_bench_<sessions> on the app's
// server, migrated and filled by the scale seed (its rate printed) unless --reuse finds it full.
import { createPrismaClient } from "@/lib/db/client";
import { FileSystemMediaStore, mediaRootFromEnv } from "@/lib/storage/media-store";
import { seedScale } from "@/prisma/seed/scale";
import { createDatabaseIfMissing, dropDatabase, openDatabase, redact, withDatabaseName } from "../db/database.ts";
import { applyPendingMigrations } from "../db/migrations.ts";

export interface BenchDatabase {
  url: string;
  sessions: number;
  seed: { seconds: number; sessions_per_second: number; rows_per_second: number } | null;
  release(): Promise<void>;
}

export async function prepareDatabase(options: {
  sessions: number;
  reuse: boolean;
  keep: boolean;
  databaseUrl?: string;
  log: (line: string) => void;
}): Promise<BenchDatabase> {
  const { log } = options;
  const server = options.databaseUrl ? null : await openDatabase(log);
  const url = options.databaseUrl ?? withDatabaseName(server!.url, `glow_bench_${options.sessions}`);
  await createDatabaseIfMissing(url);
  const applied = await applyPendingMigrations(url);
  if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
  const db = createPrismaClient(url, 4);
  let seed: BenchDatabase["seed"] = null;
  try {
    let sessions = await db.session.count();
    const fill = !options.databaseUrl && (!options.reuse || sessions < options.sessions);
    if (fill && sessions > 0)
      throw new Error(`${redact(url)} holds ${sessions} sessions, not ${options.sessions}: drop it, or pass --reuse to use it as it is`);
    if (fill) {
      log(`seeding ${options.sessions.toLocaleString("en-US")} sessions into ${redact(url)}`);
      const report = await seedScale(db, new FileSystemMediaStore(mediaRootFromEnv()), { sessions: options.sessions, log });
      const seconds = report.elapsedMs / 1000;
      const rows = Object.values(report.inserted).reduce((sum, n) => sum + n, 0);
      seed = { seconds, sessions_per_second: options.sessions / seconds, rows_per_second: rows / seconds };
      log(`seeded in ${seconds.toFixed(0)} s: ${Math.round(seed.sessions_per_second)} sessions/s, ${Math.round(seed.rows_per_second)} rows/s`);
      sessions = await db.session.count();
    } else {
      log(`measuring ${redact(url)} as it is (${sessions.toLocaleString("en-US")} sessions)`);
    }
    return {
      url,
      sessions,
      seed,
      release: async () => {
        if (!options.databaseUrl && !options.reuse && !options.keep) await dropDatabase(url).catch(() => {});
        await server?.stop();
      },
    };
  } finally {
    await db.$disconnect();
  }
}
