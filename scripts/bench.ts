// npm run bench: builds a throwaway database of --sessions sessions (bulk seed), then times the
// API's query functions (the same ones the route handlers call) and the streaming export, and
// prints the figures. Nothing here asserts: it measures.
//
//   npm run bench -- [--sessions 20000] [--audit-per-session 20] [--repeat 3] [--keep]
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

// The query modules are server-only; run under the react-server condition, like Next does.
const condition = "--conditions=react-server";
if (!process.execArgv.includes(condition)) {
  const result = spawnSync(process.execPath, [condition, "--import", "tsx", fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(result.status ?? 1);
}

const { values } = parseArgs({
  options: {
    sessions: { type: "string", default: "20000" },
    "audit-per-session": { type: "string", default: "20" },
    repeat: { type: "string", default: "3" },
    keep: { type: "boolean", default: false },
  },
});
const sessions = Number(values.sessions);
const repeat = Number(values.repeat);

const { createDatabaseIfMissing, dropDatabase, openDatabase, withDatabaseName } = await import("./db/database.ts");
const { applyPendingMigrations } = await import("./db/schema-engine.ts");
const server = await openDatabase((line) => console.log(`[bench] ${line}`));
const url = withDatabaseName(server.url, `glow_bench_${Date.now()}`);
await createDatabaseIfMissing(url);
await applyPendingMigrations(url);
// lib/db reads DATABASE_URL when first imported: set it before importing any query module.
process.env.DATABASE_URL = url;

const { createPrismaClient } = await import("@/lib/db/client");
const { FileSystemMediaStore, mediaRootFromEnv } = await import("@/lib/storage/media-store");
const { seedScale } = await import("@/prisma/seed/scale");
const { getActivity } = await import("@/lib/activity/queries");
const { listSessions, getSessionDetail } = await import("@/lib/sessions/queries");
const { listGroups, getGroup, getPricing } = await import("@/lib/groups/queries");
const { loadActor } = await import("@/lib/auth/load-actor");
const { listAudit } = await import("@/lib/audit/queries");
const { accessHistoryRows } = await import("@/lib/audit/access-history-sql");

const db = createPrismaClient(url, 4);
try {
  const seeded = performance.now();
  const report = await seedScale(db, new FileSystemMediaStore(mediaRootFromEnv()), { sessions, log: (line) => console.log(`[bench] ${line}`) });
  const seedSeconds = (performance.now() - seeded) / 1000;
  console.log(`\nseed --scale ${sessions}: ${seedSeconds.toFixed(1)} s (${Math.round(sessions / seedSeconds)} sessions/s)`);
  void report;

  const admin = await db.profile.findFirstOrThrow({ where: { access_level: "admin" } });
  const actor = await loadActor(admin.id);
  if (!actor) throw new Error("no admin to benchmark as");
  const someSession = await db.session.findFirstOrThrow({ orderBy: { created_at: "desc" } });
  const someGroup = await db.group.findFirstOrThrow({ orderBy: { created_at: "desc" } });

  // The audit log grows with every read: give it --audit-per-session rows per session, spread
  // over the sessions' reads by the admin, as a busy year of reviewing would.
  const auditPerSession = Number(values["audit-per-session"]);
  const filled = performance.now();
  await db.$executeRaw`
    insert into audit_logs (id, actor_id, action, target_type, target_id, ip, request_id, created_at)
    select gen_random_uuid(), ${admin.id}::uuid, 'session.read', 'session', s.id::text, '10.0.0.1', gen_random_uuid()::text,
      s.created_at + (n || ' minutes')::interval
    from sessions s cross join generate_series(1, ${auditPerSession}::int) n`;
  await db.$executeRaw`analyze audit_logs`;
  const auditRows = await db.auditLog.count();
  console.log(`audit log: ${auditRows} rows in ${((performance.now() - filled) / 1000).toFixed(1)} s`);
  const busyTa = await db.session.groupBy({ by: ["profile_id"], _count: { _all: true }, orderBy: { _count: { profile_id: "desc" } }, take: 1 });
  const busyTaId = busyTa[0]?.profile_id ?? admin.id;

  const cases: [string, () => Promise<unknown>][] = [
    ["activity (everything)", () => getActivity(actor, {})],
    ["sessions page 1, newest first", () => listSessions(actor, { page: 1, page_size: 25, sort_by: "session_created_at", sort_order: "desc" })],
    ["sessions page 400, newest first", () => listSessions(actor, { page: 400, page_size: 25, sort_by: "session_created_at", sort_order: "desc" })],
    ["sessions by total_cost", () => listSessions(actor, { page: 1, page_size: 25, sort_by: "total_cost", sort_order: "desc" })],
    ["session detail + timeline", () => getSessionDetail(actor, { session_id: someSession.id })],
    ["groups by last_run_at", () => listGroups(actor, { page: 1, page_size: 25, sort_by: "last_run_at", sort_order: "desc" })],
    ["group detail, 100 messages", () => getGroup(actor, { group_id: someGroup.id, include_detail: true, message_limit: 100, message_offset: 0 })],
    ["pricing", () => getPricing(actor, {})],
    ["audit log page 1", () => listAudit({ page: 1, page_size: 25 })],
    ["audit log, action prefix + window", () => listAudit({ page: 1, page_size: 25, action: "session.", date_from: "2026-01-01", date_to: "2026-06-30" })],
    ["access history of the busiest TA", () => accessHistoryRows(db, busyTaId)],
  ];
  console.log(`\n${"query".padEnd(34)} ${"best ms".padStart(9)} ${"median ms".padStart(10)}   (${repeat} runs, ${sessions} sessions)`);
  for (const [name, run] of cases) {
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(34)} ${times[0]!.toFixed(0).padStart(9)} ${times[Math.floor(times.length / 2)]!.toFixed(0).padStart(10)}`);
  }

  console.log("\nexport (whole database, streamed):");
  const exportRun = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./bench-export.ts", import.meta.url))], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
  if (exportRun.status !== 0) console.log(`export benchmark exited with ${exportRun.status}`);
} finally {
  await db.$disconnect();
  if (!values.keep) await dropDatabase(url).catch(() => {});
  await server.stop();
}
process.exit(0);
