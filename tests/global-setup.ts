// One fresh, migrated database per test run, on DATABASE_URL's server or on the embedded
// PostgreSQL when it is unset; dropped at the end. Tests create their own unique rows in it.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabaseIfMissing, dropDatabase, dropStaleDatabases, openDatabase, withDatabaseName } from "../scripts/db/database.ts";
import { applyPendingMigrations } from "../scripts/db/migrations.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    mediaDir: string;
  }
}

interface TestDatabase {
  url: string;
  mediaDir: string;
  release: () => Promise<void>;
}

// Vitest runs this once for the root and once per project (vitest.config.ts has two), all in its
// main process: they share one database, made by the first call and dropped after the last teardown.
const shared = globalThis as typeof globalThis & { glowTestDatabase?: Promise<TestDatabase>; glowTestDatabaseUsers?: number };

async function makeTestDatabase(): Promise<TestDatabase> {
  // The embedded PostgreSQL's exit hook would turn vitest's natural end into process.exit(0) and hide
  // failed tests from CI; the teardown below stops the server itself, so that hook is removed there.
  const exitListeners = new Set(process.listeners("beforeExit"));
  const server = await openDatabase();
  // Runs killed before their teardown leave their database behind: clear those older than a day.
  await dropStaleDatabases(server.url, "glow_test_", 24 * 3600_000);
  const url = withDatabaseName(server.url, `glow_test_${Date.now()}_${process.pid}`);
  await createDatabaseIfMissing(url);
  await applyPendingMigrations(url);
  const mediaDir = await mkdtemp(path.join(os.tmpdir(), "glow-test-media-"));
  const release = async () => {
    await dropDatabase(url).catch(() => {});
    await rm(mediaDir, { recursive: true, force: true });
    await server.stop();
    for (const listener of process.listeners("beforeExit")) if (!exitListeners.has(listener)) process.off("beforeExit", listener);
  };
  return { url, mediaDir, release };
}

export default async function setup(project: TestProject) {
  shared.glowTestDatabaseUsers = (shared.glowTestDatabaseUsers ?? 0) + 1;
  shared.glowTestDatabase ??= makeTestDatabase();
  const { url, mediaDir, release } = await shared.glowTestDatabase;
  project.provide("databaseUrl", url);
  project.provide("mediaDir", mediaDir);
  return async () => {
    shared.glowTestDatabaseUsers = (shared.glowTestDatabaseUsers ?? 1) - 1;
    if (shared.glowTestDatabaseUsers === 0) await release();
  };
}
