// The default demo data set: built in memory from a fixed PRNG seed (same names, ids and counts on
// every run; dates relative to the anchor), media and texts stored once, then inserted in one
// transaction so a failed seed leaves the database as it was.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { applyBatch } from "@/lib/ingest/batch";
import { sweepSessionStatuses } from "@/lib/sessions/status";
import type { MediaStore } from "@/lib/storage/media-store";
import { DedupingMediaWriter, type Db } from "../factories/index.ts";
import { bulkInsert } from "./bulk-insert.ts";
import { agents as agentSpecs } from "./catalog.ts";
import { buildCatalog, buildLogins, buildPeople } from "./demo-people.ts";
import { storeDemoMedia, TextPool } from "./demo-media.ts";
import { buildProblems } from "./demo-problems.ts";
import type { DemoEnv } from "./demo-runs.ts";
import { buildSessions } from "./demo-sessions.ts";
import { dayAnchor, emptyRows, stream, type DemoContext, type DemoRows } from "./rows.ts";
import { countRows, DatabaseNotEmptyError, lockSeeding, nonEmptyTables, truncateAppTables } from "./tables.ts";
import { ingestedSessionCount, takeRecentSessions } from "./demo-ingest.ts";

export const defaultSeed = 20_240_901;

export interface SeedDemoOptions {
  /** Timestamps are relative to this; defaults to midnight UTC today. */
  anchor?: Date;
  seed?: number;
  /** Empty every app table first instead of refusing a non-empty database. */
  force?: boolean;
  log?: (line: string) => void;
  /** Also log one line per table inserted (the CLI does; `npm start` keeps its output short). */
  logTables?: boolean;
}

interface StoredRef {
  sha256: string;
  storage_key: string;
}

export interface SeedReport {
  anchor: Date;
  counts: Record<string, number>;
  /** Objects actually written to the media store (identical bytes are stored once). */
  objectsWritten: number;
  elapsedMs: number;
}

/** Builds every row of the demo set and stores its media; inserts nothing. */
export async function buildDemo(store: MediaStore, anchor: Date, seed: number, reusable: StoredRef[] = []) {
  const ctx: DemoContext = { anchor, seed, rows: emptyRows() };
  const writer = new DedupingMediaWriter(store);
  writer.remember(reusable);
  const texts = new TextPool();
  const media = await storeDemoMedia(writer);
  buildCatalog(ctx, stream(seed, 1));
  const people = buildPeople(ctx, stream(seed, 2));
  const env: DemoEnv = {
    ctx,
    rng: stream(seed, 3),
    media,
    texts,
    agents: new Map(agentSpecs.map((spec) => [spec.key, ctx.rows.agents.find((a) => a.name === spec.name)!])),
    models: new Map(ctx.rows.models.map((m) => [m.name, m])),
    prices: new Map(ctx.rows.models.map((m) => [m.id, ctx.rows.prices.filter((p) => p.model_id === m.id)])),
  };
  buildSessions(env, people);
  buildLogins(ctx, stream(seed, 4), people);
  buildProblems(ctx, stream(seed, 5), people);
  const keys = await texts.storeAll(writer);
  for (const upload of ctx.rows.uploads) {
    if (!upload.storage_key) upload.storage_key = keys.get(upload.sha256) ?? "";
  }
  return { rows: ctx.rows, texts, distinctTexts: texts.size, objectsWritten: writer.objectsWritten };
}

/** Inserts the rows parents first. */
export async function insertDemoRows(db: Db, rows: DemoRows, log: (line: string) => void = () => {}): Promise<void> {
  const tables: Array<[string, ReadonlyArray<object>]> = [
    ["departments", rows.departments],
    ["profiles", rows.profiles],
    ["profile_department_scopes", rows.scopes],
    ["logins", rows.logins],
    ["emulations", rows.emulations],
    ["grants", rows.grants],
    ["agents", rows.agents],
    ["models", rows.models],
    ["model_prices", rows.prices],
    ["agent_versions", rows.agentVersions],
    ["sessions", rows.sessions],
    ["chats", rows.chats],
    ["attempts", rows.attempts],
    ["groups", rows.groups],
    ["runs", rows.runs],
    ["uploads", rows.uploads],
    ["messages", rows.messages],
    ["message_uploads", rows.messageUploads],
    ["tool_calls", rows.toolCalls],
    ["problems", rows.problems],
  ];
  for (const [table, data] of tables) {
    const started = performance.now();
    // Each agent got a bare version 1 from its insert trigger; the demo's own versions replace them.
    if (table === "agent_versions") await db.agentVersion.deleteMany({ where: { agent_id: { in: rows.agents.map((agent) => agent.id) } } });
    await bulkInsert(db, table, data);
    log(`  inserted ${data.length.toLocaleString("en-US").padStart(7)} ${table} in ${Math.round(performance.now() - started)} ms`);
  }
}

/**
 * Seeds the demo data set. Refuses a database that has any rows unless `force`, which empties all
 * app tables (not `_prisma_migrations`) in the same transaction as the inserts.
 */
export async function seedDemo(prisma: PrismaClient, store: MediaStore, options: SeedDemoOptions = {}): Promise<SeedReport> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const anchor = options.anchor ?? dayAnchor();
  if (!options.force) {
    const filled = await nonEmptyTables(prisma);
    if (filled.length) throw new DatabaseNotEmptyError(filled);
  }
  log(`Building the demo data set (seed ${options.seed ?? defaultSeed}, anchor ${anchor.toISOString()})`);
  // With --force the old rows go, but their stored objects stay: reuse them rather than pile up copies.
  const reusable = options.force ? await prisma.$queryRawUnsafe<StoredRef[]>("select distinct on (sha256) sha256, storage_key from uploads") : [];
  const built = await buildDemo(store, anchor, options.seed ?? defaultSeed, reusable);
  const builtMs = performance.now() - started;
  log(
    `Built ${Object.values(built.rows)
      .reduce((sum, rows) => sum + rows.length, 0)
      .toLocaleString("en-US")} rows and stored ` +
      `${built.objectsWritten} new media objects (${built.distinctTexts} distinct texts) in ${Math.round(builtMs)} ms`,
  );
  await prisma.$transaction(
    async (tx) => {
      await lockSeeding(tx);
      if (options.force) {
        log("Emptying every app table (--force)");
        await truncateAppTables(tx);
      } else {
        const filled = await nonEmptyTables(tx);
        if (filled.length) throw new DatabaseNotEmptyError(filled);
      }
      // The newest sessions arrive through ingestion, as a deployment sends them (prisma/seed/demo-ingest.ts).
      const request = { headers: new Headers(), requestId: randomUUID() };
      const admin = built.rows.profiles.find((profile) => profile.access_level === "admin");
      if (!admin) throw new Error("the demo set has no admin to send its recent sessions");
      const actor: Actor = { profile_id: admin.id, name: admin.name, email: admin.email, access_level: "admin", department_ids: [], token_id: null };
      const recent = takeRecentSessions(built.rows, (sha256) => built.texts.textOf(sha256), {
        send: (batch) => applyBatch(tx, actor, batch.events, request, store),
      });
      await insertDemoRows(tx, built.rows, options.logTables ? log : undefined);
      const ingested = await recent.client.flush();
      await bulkInsert(tx, "problems", recent.problemsAfter);
      log(
        `  ingested ${ingested.accepted.toLocaleString("en-US")} events of the ${ingestedSessionCount} newest sessions through POST /ingest/batch's path`,
      );
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  // Statuses as of now (idle, expired), as the app would show them a minute later anyway.
  await sweepSessionStatuses(prisma);
  log(`Inserted in ${Math.round(performance.now() - started - builtMs)} ms`);
  const counts = await countRows(prisma);
  return { anchor, counts, objectsWritten: built.objectsWritten, elapsedMs: Math.round(performance.now() - started) };
}

/**
 * For `npm start`: seeds the demo set when the database has no rows at all; returns whether it
 * did. A database with any data (a real deployment, or a concurrent start that won) is left alone.
 */
export async function seedIfEmpty(prisma: PrismaClient, store: MediaStore, log: (line: string) => void = () => {}): Promise<boolean> {
  if ((await nonEmptyTables(prisma)).length) return false;
  try {
    const report = await seedDemo(prisma, store, { log });
    log(`Seeded the demo data set in ${(report.elapsedMs / 1000).toFixed(1)} s`);
    return true;
  } catch (error) {
    if (error instanceof DatabaseNotEmptyError) return false;
    throw error;
  }
}
