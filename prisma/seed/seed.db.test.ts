// The demo seed and the scale seed against real PostgreSQL. They need empty databases, and the run's
// shared test database is filled by other files in parallel, so this file makes two of its own on
// DATABASE_URL's server (migrated once, copied once) and drops them at the end.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FileSystemMediaStore } from "@/lib/storage/media-store";
import { createDatabaseIfMissing, dropDatabase, withDatabaseName } from "../../scripts/db/database.ts";
import { applyPendingMigrations } from "../../scripts/db/migrations.ts";
import { repoRoot } from "../../scripts/db/schema-engine.ts";
import { createGroupWithRuns, createProfile, createSession } from "../factories/index.ts";
import { countRows, DatabaseNotEmptyError, seedDemo, seedIfEmpty, seedScale } from "./index.ts";

const anchor = new Date("2026-03-02T00:00:00Z");
// Written by use, not by the seed: the audit trail, tokens people create, sign-in throttling state,
// and the idempotency rows of ingested events.
const mayStayEmpty = new Set(["audit_logs", "api_tokens", "sign_in_throttles", "ingest_events", "live_events"]);
const serverUrl = () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must point at the test server");
  return url;
};
const suffix = `${process.pid}_${Date.now().toString(36)}`;
const urlA = () => withDatabaseName(serverUrl(), `glow_seed_a_${suffix}`);
const urlB = () => withDatabaseName(serverUrl(), `glow_seed_b_${suffix}`);

const suiteStatusTimes = {
  GLOW_SESSION_STATUS_IDLE_MINUTES: process.env.GLOW_SESSION_STATUS_IDLE_MINUTES,
  GLOW_SESSION_STATUS_EXPIRE_MINUTES: process.env.GLOW_SESSION_STATUS_EXPIRE_MINUTES,
};
let a: PrismaClient;
let b: PrismaClient;
let mediaDir: string;
let store: FileSystemMediaStore;

async function copyDatabase(from: string, to: string): Promise<void> {
  const maintenance = withDatabaseName(from, "postgres");
  const client = new pg.Client({ connectionString: maintenance });
  await client.connect();
  try {
    const source = pg.escapeIdentifier(new URL(from).pathname.slice(1));
    await client.query(`create database ${pg.escapeIdentifier(new URL(to).pathname.slice(1))} template ${source}`);
  } finally {
    await client.end();
  }
}

/** Runs whose cost differs from the price formula, recomputed in SQL numeric with the price in force. */
async function costMismatches(db: PrismaClient): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`
    select count(*)::int as n from runs r
    left join lateral (select * from model_prices p where p.model_id = r.model_id and p.effective_from <= r.created_at
                       order by p.effective_from desc limit 1) p on true
    where p.id is null or r.cost <> round(((r.input_tokens - r.cached_input_tokens) * p.input_per_million
      + r.cached_input_tokens * p.cached_input_per_million + r.output_tokens * p.output_per_million) / 1000000, 10)`);
  return row?.n ?? -1;
}

beforeAll(async () => {
  await createDatabaseIfMissing(urlA());
  await applyPendingMigrations(urlA());
  await copyDatabase(urlA(), urlB());
  mediaDir = await mkdtemp(path.join(os.tmpdir(), "glow-seed-test-"));
  store = new FileSystemMediaStore(mediaDir);
  a = createPrismaClient(urlA(), 4);
  b = createPrismaClient(urlB(), 4);
  // These databases are the seed's own: its status sweep may use the product's idle and expiry times
  // (the suite sets a century elsewhere, to spare the shared database).
  Object.assign(process.env, { GLOW_SESSION_STATUS_IDLE_MINUTES: "30", GLOW_SESSION_STATUS_EXPIRE_MINUTES: "1440" });
}, 180_000);

afterAll(async () => {
  Object.assign(process.env, suiteStatusTimes);
  await a?.$disconnect();
  await b?.$disconnect();
  await dropDatabase(urlA()).catch(() => {});
  await dropDatabase(urlB()).catch(() => {});
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
});

describe("demo seed", () => {
  it("fills every table but those written by use", async () => {
    const report = await seedDemo(a, store, { anchor });
    // The budget is 30 s on an idle 2-core machine (about 7 s measured); here other test files share
    // the cores, so only a gross regression fails.
    expect(report.elapsedMs).toBeLessThan(90_000);
    const counts = await countRows(a);
    expect(counts).toEqual(report.counts);
    const empty = Object.entries(counts).filter(([table, n]) => n === 0 && !mayStayEmpty.has(table));
    expect(empty).toEqual([]);
    expect(counts.sessions).toBe(600);
    expect(await a.department.findUnique({ where: { id: "dept-cs" } })).not.toBeNull();
    expect(await a.profile.findUnique({ where: { email: "admin@glow.example" } })).toMatchObject({ name: "Avery Admin", access_level: "admin" });
    const roles = await a.profile.groupBy({ by: ["ta_role"], where: { access_level: "ta" }, _count: true });
    expect(roles.map((r) => r.ta_role).sort()).toEqual(["graduate_ta", "head_ta", "undergraduate_ta"]);
  }, 120_000);

  it("prices every run exactly with the price in force when it ran (older runs keep old prices)", async () => {
    expect(await costMismatches(a)).toBe(0);
    const [periods] = await a.$queryRawUnsafe<{ n: number }[]>(`
      select count(distinct (r.model_id, p.id))::int as n from runs r
      join lateral (select id from model_prices p where p.model_id = r.model_id and p.effective_from <= r.created_at
                    order by p.effective_from desc limit 1) p on true`);
    expect(periods?.n).toBeGreaterThan(4); // 4 models, 2 of them re-priced inside the period
  });

  it("keeps timelines consistent: session updated_at, ended_at/status/active, run times, message positions", async () => {
    const [row] = await a.$queryRawUnsafe<Record<string, number>[]>(
      `
      select
        (select count(*)::int from sessions s join (select g.session_id, max(coalesce(r.finished_at, r.created_at)) as last
           from runs r join groups g on g.id = r.group_id group by 1) x on x.session_id = s.id where s.updated_at < x.last) as stale_sessions,
        (select count(*)::int from sessions where active <> (status in ('active', 'idle')) or (ended_at is null) = (status in ('completed', 'aborted'))
           or updated_at > $1 or updated_at < created_at) as bad_sessions,
        (select count(*)::int from runs where finished_at <= created_at or (status = 'running') <> (finished_at is null)
           or (status in ('failed', 'cancelled')) <> (error is not null)) as bad_runs,
        (select count(*)::int from (select run_id from messages group by run_id having max(position) <> count(*) - 1) m) as gapped_runs,
        (select count(*)::int from runs r where r.previous_context_start_index <> 0
           and r.created_at = (select min(created_at) from runs x where x.group_id = r.group_id)) as first_runs_pointing_back`,
      anchor,
    );
    expect(row).toEqual({ stale_sessions: 0, bad_sessions: 0, bad_runs: 0, gapped_runs: 0, first_runs_pointing_back: 0 });
    // Months after this anchor, every session left open has expired; the ended ones say how they ended.
    const statuses = await a.session.groupBy({ by: ["status"], _count: true });
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(["completed", "aborted", "expired"]));
  });

  it("stores each distinct text or media file once and links message texts as text/plain uploads", async () => {
    const [row] = await a.$queryRawUnsafe<{ keys: number; shas: number; kinds: number }[]>(`
      select count(distinct storage_key)::int as keys, count(distinct sha256)::int as shas, count(distinct kind)::int as kinds from uploads`);
    expect(row?.keys).toBe(row?.shas);
    expect(row?.kinds).toBe(5);
    const text = await a.upload.findFirst({ where: { kind: "text" } });
    expect(text?.mime_type).toBe("text/plain");
    expect(await store.size(text!.storage_key)).toBe(Number(text!.byte_size));
  });

  it("refuses a non-empty database without --force, and seedIfEmpty leaves it alone", async () => {
    await expect(seedDemo(a, store, { anchor })).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    expect(await seedIfEmpty(a, store)).toBe(false);
    const cli = spawnSync(process.execPath, ["--import", "./scripts/support/server-only.mjs", "--import", "tsx", "scripts/db/seed-cli.ts"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: urlA(), GLOW_MEDIA_DIR: mediaDir },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/already has data.*--force/);
  }, 120_000);

  // One seed proves both: --force leaves nothing of what was there, and the demo is the same
  // whatever the database and the day.
  it("--force empties the database (audit_logs included) and seeds again; another database, seeded another day, gets the same counts, emails and ids", async () => {
    const stranger = await createProfile(b, {});
    await createSession(b, stranger.id, { created_at: anchor });
    await b.$executeRawUnsafe(`insert into audit_logs (id, action, target_type) values (gen_random_uuid(), 'test.marker', 'test')`);
    expect((await countRows(b)).audit_logs).toBe(1);

    const shift = 4 * 86_400_000;
    const report = await seedDemo(b, store, { anchor: new Date(anchor.getTime() + shift), force: true });
    expect(report.counts).toEqual(await countRows(a));
    // The only audit rows are the seed's own ingest batches: the marker is gone.
    expect(await b.auditLog.count({ where: { action: { not: "ingest.batch" } } })).toBe(0);
    expect(await b.profile.findUnique({ where: { id: stranger.id } })).toBeNull();
    const emails = (db: PrismaClient) => db.profile.findMany({ select: { email: true }, orderBy: { email: "asc" } });
    expect(await emails(b)).toEqual(await emails(a));
    // Same sessions, same offsets from the anchor: only the anchor moved.
    const sessions = async (db: PrismaClient, by = 0) =>
      (await db.session.findMany({ select: { id: true, updated_at: true }, orderBy: { id: "asc" } })).map((s) => [s.id, s.updated_at.getTime() - by]);
    expect(await sessions(b, shift)).toEqual(await sessions(a));
  }, 120_000);

  it("lets factories add unique rows next to the demo data", async () => {
    const ta = await createProfile(a, { department_id: "dept-cs" });
    const { session } = await createSession(a, ta.id, { created_at: anchor });
    const group = await createGroupWithRuns(a, store, { session });
    expect(group.runs).toHaveLength(2);
    expect(await costMismatches(a)).toBe(0);
  });
});

describe("scale seed", () => {
  it("appends N sessions and reports exactly the rows it inserted", async () => {
    const before = await countRows(a);
    const report = await seedScale(a, store, { sessions: 200, batchSize: 64 });
    const after = await countRows(a);
    expect(report.inserted.sessions).toBe(200);
    for (const table of Object.keys(after)) {
      expect({ table, added: after[table]! - before[table]! }).toEqual({ table, added: report.inserted[table] ?? 0 });
    }
    for (const table of ["chats", "attempts", "groups", "runs", "messages", "uploads", "message_uploads"]) {
      expect(report.inserted[table], table).toBeGreaterThan(200);
    }
    expect(await costMismatches(a)).toBe(0);
    // Superusers skip foreign-key triggers at scale: check referential integrity by hand.
    const [orphans] = await a.$queryRawUnsafe<{ n: number }[]>(`select (
        (select count(*) from runs r where not exists (select 1 from groups g where g.id = r.group_id))
      + (select count(*) from groups g where not exists (select 1 from sessions s where s.id = g.session_id))
      + (select count(*) from messages m where not exists (select 1 from runs r where r.id = m.run_id))
      + (select count(*) from message_uploads x where not exists (select 1 from messages m where m.id = x.message_id)
                                                  or not exists (select 1 from uploads u where u.id = x.upload_id))
      + (select count(*) from attempts t where not exists (select 1 from chats c where c.id = t.chat_id))
      + (select count(*) from tool_calls t where not exists (select 1 from messages m where m.id = t.message_id))
      + (select count(*) from sessions s where not exists (select 1 from profiles p where p.id = s.profile_id)))::int as n`);
    expect(orphans?.n).toBe(0);
  }, 120_000);
});
