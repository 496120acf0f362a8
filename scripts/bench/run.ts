// The bench's sequence: the database (seeded at the requested size, or reused), the callers, the
// production server, then every case, the mixed load, the export and the access history; one table.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { apiCases, burstProbe, mixedLoad, pageCases, type BenchCase } from "./cases.ts";
import { fillAuditLog, prepareWorld, type BenchWorld } from "./fixtures.ts";
import { inProcessRunner } from "./in-process.ts";
import { percentile, runLoad, signIn, timeSequential, type Sent } from "./measure.ts";
import { formatTable, maxRatio, writeJson, type ResultRow } from "./report.ts";
import { startServer, type BenchServer } from "./server.ts";
import { capture, explainText, serverTimeMs } from "./sql-capture.ts";
import { measureSignInBurst } from "./sign-in-burst.ts";
import { measureAccessHistory, measureExport } from "./streams.ts";
import { measureWriteCost } from "./writes.ts";
import { measureIngest, type IngestRate } from "./ingest.ts";

const runsAndMessages = "500 runs × 10 messages";

export interface BenchOptions {
  sessions: number;
  reuse: boolean;
  databaseUrl?: string;
  /** Measure a server that is already running on this database instead of starting one. */
  baseUrl?: string;
  requests: number;
  full: boolean;
  auditRows: number;
  loadSeconds: number;
  connections: number;
  only?: RegExp;
  skip?: RegExp;
  port: number;
  keep: boolean;
  /** Cut the export's download after this many seconds (first byte and memory only). */
  exportSeconds?: number;
  outDir: string;
  /** Write EXPLAIN (ANALYZE, BUFFERS) of every case's statements here (docs/plans). */
  plansDir?: string;
  log: (line: string) => void;
}

const mb = (bytes: number) => bytes / 2 ** 20;

export async function runBench(options: BenchOptions): Promise<number> {
  const { log } = options;
  const { prepareDatabase } = await import("./database.ts");
  const database = await prepareDatabase(options);
  let server: BenchServer | null = null;
  // The baseline runs the SQL as the app's pool does (lib/db/client.ts): with JIT it would add up to
  // a second of compilation to the larger aggregates and flatter the ratio.
  const sql = new pg.Client({ connectionString: database.url, options: "-c jit=off" });
  try {
    // lib/db reads DATABASE_URL when first imported: the in-process runner imports it after this.
    process.env.DATABASE_URL = database.url;
    const { createPrismaClient } = await import("@/lib/db/client");
    const db = createPrismaClient(database.url, 2);
    const world = await prepareWorld(db);
    const auditRows = await fillAuditLog(db, options.auditRows, log);
    await db.$disconnect();

    server = options.baseUrl ? null : await startServer({ databaseUrl: database.url, port: options.port, log });
    const baseUrl = options.baseUrl ?? server!.url;
    const cookie = await signIn(baseUrl, world.admin.email, world.admin.password);
    const runInProcess = await inProcessRunner(world, baseUrl);
    await sql.connect();

    const rows: ResultRow[] = [];
    const wanted = (name: string) => (!options.only || options.only.test(name)) && !options.skip?.test(name);
    const cases = [...apiCases(world, { full: options.full }), ...pageCases(world)].filter((c) => wanted(c.name));
    for (const bench of cases) {
      const times = await timeSequential(httpRequest(baseUrl, world, cookie, bench), options.requests);
      const statements = await capture(() => runInProcess(bench));
      if (options.plansDir) await writePlan(options.plansDir, bench, await explainText(sql, statements), database.sessions);
      const sqlTimes: number[] = [];
      for (let i = 0; i < Math.min(options.requests, 15); i++) sqlTimes.push(await serverTimeMs(sql, statements));
      const p50 = percentile(times, 50);
      const p95 = percentile(times, 95);
      const sqlP50 = percentile(sqlTimes, 50);
      const ratio = sqlP50 > 0 ? p50 / sqlP50 : null;
      rows.push({
        section: bench.section,
        name: bench.name,
        p50,
        p95,
        sqlP50,
        ratio,
        target: `p95 < ${bench.targetP95Ms} ms`,
        ...verdict(p95 < bench.targetP95Ms, ratio === null || ratio <= maxRatio),
      });
      log(`${bench.name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, SQL ${sqlP50.toFixed(1)} ms (${statements.length} statements)`);
    }

    if (wanted("mixed load")) {
      const load = await runLoad({
        url: baseUrl,
        requests: mixedLoad(world).map((r) => httpRequest(baseUrl, world, cookie, { ...r, method: "POST" })),
        connections: options.connections,
        seconds: options.loadSeconds,
      });
      rows.push({
        section: "load",
        name: `mixed API load, ${options.connections} clients, ${load.seconds} s (${load.perSecond.toFixed(0)} requests/s, ${load.errors} errors)`,
        p50: load.p50,
        p95: load.p95,
        sqlP50: null,
        ratio: null,
        target: "≥ 300/s, 0 errors, p95 < 100 ms",
        pass: load.perSecond >= 300 && load.errors === 0 && load.p95 < 100,
      });
    }

    if (wanted("sign-in burst")) {
      const probe = httpRequest(baseUrl, world, cookie, { ...burstProbe(world), method: "POST" });
      const burst = await measureSignInBurst(baseUrl, probe);
      rows.push({
        section: "sign-in",
        name: `lean group call during a 100-attempt sign-in burst (${burst.checked} checked, ${burst.refused} refused with 429, ${burst.burstSeconds.toFixed(1)} s; ${burst.calls} calls)`,
        p50: burst.p50,
        p95: burst.p95,
        sqlP50: null,
        ratio: null,
        target: "p95 < 200 ms",
        pass: burst.p95 < 200,
      });
    }

    if (wanted("ingestion")) {
      const read = httpRequest(baseUrl, world, cookie, { caller: "admin", method: "POST", path: "/system/sessions", body: {} });
      const ingest = await measureIngest(baseUrl, database.url, world, read);
      const rate = (r: IngestRate) =>
        `${r.batches} batches of ${runsAndMessages} sent in ${r.seconds.toFixed(1)} s: ${(r.events / r.seconds).toFixed(0)} events/s, ${(r.messages / r.seconds).toFixed(0)} messages/s`;
      const perSecond = ingest.alone.messages / ingest.alone.seconds;
      rows.push({
        section: "ingest",
        name: `ingestion: ${rate(ingest.alone)}`,
        p50: null,
        p95: null,
        sqlP50: null,
        ratio: null,
        target: "≥ 5,000 messages/s",
        pass: perSecond >= 5_000,
      });
      rows.push({
        section: "ingest",
        name: `/system/sessions read back to back while ingesting (${ingest.readsDuring.count} reads; idle p50 ${ingest.readsIdle.p50.toFixed(1)} ms, p95 ${ingest.readsIdle.p95.toFixed(1)} ms; ingestion meanwhile: ${rate(ingest.beside)})`,
        p50: ingest.readsDuring.p50,
        p95: ingest.readsDuring.p95,
        sqlP50: null,
        ratio: null,
        target: "p95 < 300 ms",
        pass: ingest.readsDuring.p95 < 300,
      });
    }

    if (wanted("write cost")) {
      const cost = await measureWriteCost(database.url, world.groupId);
      const row = (what: string, withTriggers: number, without: number | undefined) =>
        rows.push({
          section: "writes",
          name: `write cost per ${what}: ${withTriggers.toFixed(2)} ms with the summaries, ${without === undefined ? "–" : without.toFixed(2)} ms without`,
          p50: withTriggers,
          p95: null,
          sqlP50: without ?? null,
          ratio: without ? withTriggers / without : null,
          target: "measured",
          pass: null,
        });
      row("run", cost.withSummaries.run, cost.withoutSummaries?.run);
      row("message", cost.withSummaries.message, cost.withoutSummaries?.message);
    }

    if (wanted("export")) {
      // A fresh server, so its peak memory is the export's own.
      if (server) {
        await server.stop();
        server = await startServer({ databaseUrl: database.url, port: options.port, log });
        // A running server has loaded the route already: ask it once (a missing session, 404) so the
        // first byte measures the export, not the module's first load.
        await fetch(`${server.url}/system/export`, {
          method: "POST",
          headers: { authorization: `Bearer ${world.admin.token}`, "content-type": "application/json" },
          body: JSON.stringify({ target_session_id: "00000000-0000-4000-8000-000000000000" }),
        }).then((response) => response.arrayBuffer());
      }
      const exported = await measureExport(
        server ?? { url: baseUrl, pid: 0, rss: () => 0, peakRss: () => 0, stop: async () => {} },
        world.admin.token,
        options.exportSeconds === undefined ? undefined : options.exportSeconds * 1000,
      );
      const size = `${mb(exported.bytes).toFixed(0)} MB in ${(exported.totalMs / 1000).toFixed(1)} s (${(mb(exported.bytes) / (exported.totalMs / 1000)).toFixed(1)} MB/s)`;
      const what =
        exported.rows === null
          ? `export of everything, stopped after ${size}`
          : `export of everything: ${exported.rows.toLocaleString("en-US")} rows, ${size}`;
      rows.push({ section: "export", name: what, p50: null, p95: null, sqlP50: null, ratio: null, target: "", pass: null });
      rows.push({
        section: "export",
        name: "export: first byte (ms)",
        p50: exported.firstByteMs,
        p95: null,
        sqlP50: null,
        ratio: null,
        target: "< 1000 ms",
        pass: exported.firstByteMs < 1000,
      });
      if (exported.rowsPerSecond !== null) {
        rows.push({
          section: "export",
          name: `export: ${exported.rowsPerSecond.toFixed(0)} rows/s`,
          p50: null,
          p95: null,
          sqlP50: null,
          ratio: null,
          target: "≥ 50,000 rows/s",
          pass: exported.rowsPerSecond >= 50_000,
        });
      }
      const during = exported.rows === null ? " while it ran" : "";
      rows.push({
        section: "export",
        name: `export: server peak RSS${during} ${mb(exported.peakRssBytes).toFixed(0)} MB (${mb(exported.startRssBytes).toFixed(0)} MB before)`,
        p50: null,
        p95: null,
        sqlP50: null,
        ratio: null,
        target: "< 300 MB",
        pass: server ? mb(exported.peakRssBytes) < 300 : null,
      });
    }
    if (wanted("access history")) {
      const history = await measureAccessHistory(
        server ?? { url: baseUrl, pid: 0, rss: () => 0, peakRss: () => 0, stop: async () => {} },
        world.admin.token,
        world.ta.profile_id,
      );
      rows.push({
        section: "history",
        name: `access history of the busiest TA (${auditRows.toLocaleString("en-US")} audit rows, ${mb(history.bytes).toFixed(1)} MB in ${(history.totalMs / 1000).toFixed(1)} s): first byte`,
        p50: history.firstByteMs,
        p95: null,
        sqlP50: null,
        ratio: null,
        target: "< 1000 ms",
        pass: history.firstByteMs < 1000,
      });
    }

    console.log(`\n${formatTable(rows)}\n`);
    const failed = rows.filter((row) => row.pass === false).length;
    const file = await writeJson(
      options.outDir,
      { sessions: database.sessions, audit_rows: auditRows, requests: options.requests, seed: database.seed },
      rows,
    );
    console.log(`${rows.length} rows, ${failed} failing; written to ${file}`);
    return 0;
  } finally {
    await sql.end().catch(() => {});
    await server?.stop();
    await database.release();
  }
}

function httpRequest(baseUrl: string, world: BenchWorld, cookie: string, bench: Pick<BenchCase, "caller" | "method" | "path" | "body">): Sent {
  if (bench.caller === "browser") return { method: "GET", url: `${baseUrl}${bench.path}`, headers: { cookie } };
  const token = { admin: world.admin.token, coordinator: world.coordinator.token, ta: world.ta.token }[bench.caller];
  return {
    method: "POST",
    url: `${baseUrl}${bench.path}`,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(bench.body ?? {}),
  };
}

async function writePlan(dir: string, bench: BenchCase, plans: string, sessions: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const slug = bench.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const header = `${bench.name}\n${bench.method} ${bench.path} ${bench.body ? JSON.stringify(bench.body) : ""}\n${sessions.toLocaleString("en-US")} sessions; every statement the request sends, EXPLAIN (ANALYZE, BUFFERS), written by npm run bench -- --plans`;
  // The plans are committed: the bench caller's token hash (a literal in the lookup's plan) is not.
  const redacted = plans.replace(/'[0-9a-f]{64}'/g, "'<sha-256>'");
  await writeFile(path.join(dir, `${slug}.txt`), `${header}\n\n${redacted}\n`);
}

function verdict(targetMet: boolean, ratioMet: boolean): Pick<ResultRow, "pass" | "missed"> {
  if (targetMet && ratioMet) return { pass: true };
  return { pass: false, missed: !targetMet && !ratioMet ? "both" : targetMet ? "ratio" : "target" };
}
