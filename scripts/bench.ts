// npm run bench: times the product at size and prints one table (case, p50, p95, the SQL's own p50,
// their ratio, the target, pass/fail), also written as JSON under bench/results/. Nothing here
// asserts: it measures. It is not part of npm test (e2e/bench-smoke.spec.ts runs a tiny one).
//
//   npm run bench -- [--sessions 1000000] [--reuse] [--database-url URL] [--requests 30] [--full]
//                    [--audit-rows N] [--load-seconds 60] [--connections 16] [--only REGEX] [--skip REGEX] [--keep]
//                    [--export-seconds N]   (cut the export there: first byte and memory, no rows/s)
//                    [--plans docs/plans]   (also writes EXPLAIN (ANALYZE, BUFFERS) of every case)
//
// The database is glow_bench_<sessions> on DATABASE_URL's server (or the embedded one): seeded with
// the scale seed unless --reuse finds it already filled, dropped at the end unless --keep or --reuse.
// --database-url measures an existing database as it is.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

// The route handlers and query modules are server-only: run with that marker resolved to its empty
// module (scripts/support/server-only.mjs), as Next.js's server build does.
const hooks = fileURLToPath(new URL("./support/server-only.mjs", import.meta.url));
if (!process.execArgv.includes(hooks)) {
  const result = spawnSync(process.execPath, ["--import", hooks, "--import", "tsx", fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(result.status ?? 1);
}

const { values } = parseArgs({
  options: {
    sessions: { type: "string", default: "1000000" },
    reuse: { type: "boolean", default: false },
    "database-url": { type: "string" },
    requests: { type: "string", default: "30" },
    full: { type: "boolean", default: false },
    "audit-rows": { type: "string" },
    "load-seconds": { type: "string", default: "60" },
    connections: { type: "string", default: "16" },
    only: { type: "string" },
    skip: { type: "string" },
    port: { type: "string", default: "3210" },
    keep: { type: "boolean", default: false },
    "export-seconds": { type: "string" },
    "base-url": { type: "string" },
    out: { type: "string", default: "bench/results" },
    plans: { type: "string" },
  },
});
const sessions = Number(values.sessions);
const requests = Number(values.requests);
const log = (line: string) => console.log(`[bench] ${line}`);

const { runBench } = await import("./bench/run.ts");
const code = await runBench({
  sessions,
  reuse: values.reuse,
  databaseUrl: values["database-url"],
  requests,
  full: values.full,
  auditRows: values["audit-rows"] === undefined ? sessions * 10 : Number(values["audit-rows"]),
  loadSeconds: Number(values["load-seconds"]),
  connections: Number(values.connections),
  only: values.only ? new RegExp(values.only, "i") : undefined,
  skip: values.skip ? new RegExp(values.skip, "i") : undefined,
  port: Number(values.port),
  baseUrl: values["base-url"],
  keep: values.keep,
  exportSeconds: values["export-seconds"] === undefined ? undefined : Number(values["export-seconds"]),
  outDir: values.out,
  plansDir: values.plans,
  log,
});
process.exit(code);
